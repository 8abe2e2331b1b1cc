import { describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../../../../contract/connection';
import { ConnectionStatusSchema } from '../../../../contract/connection';
import { StatusBox } from '../../../../main/core/connection/status-box';

const SIGNED_OUT: ConnectionStatus = {
  state: 'signedOut',
  mode: 'account',
  account: null,
  expiresAt: null,
  message: null,
  reconnect: null,
};

describe('StatusBox', () => {
  it('tells listeners about real changes only, with a frozen status', () => {
    const box = new StatusBox(SIGNED_OUT);
    const heard: ConnectionStatus[] = [];
    const stop = box.subscribe((status) => heard.push(status));
    box.set({ state: 'signingIn' });
    box.set({ state: 'signingIn' });
    box.set({ state: 'signedIn', account: { id: '1', server: 'https://platform.ringcentral.com' } });
    stop();
    box.set({ state: 'signedOut' });
    expect(heard.map((status) => status.state)).toEqual(['signingIn', 'signedIn']);
    expect(Object.isFrozen(box.current)).toBe(true);
  });

  it('a failing listener does not stop the others', () => {
    const box = new StatusBox(SIGNED_OUT);
    const heard: string[] = [];
    box.subscribe(() => {
      throw new Error('listener bug');
    });
    box.subscribe((status) => heard.push(status.state));
    box.set({ state: 'error', message: 'Cannot reach platform.ringcentral.com' });
    expect(heard).toEqual(['error']);
  });
});

describe('ConnectionStatusSchema', () => {
  it('accepts what the connection produces and refuses a non-ISO expiry', () => {
    const signedIn = {
      state: 'signedIn',
      mode: 'demo',
      account: { id: '400100001', name: 'Sofia Reyes', server: 'http://127.0.0.1:4010' },
      expiresAt: new Date(0).toISOString(),
      message: null,
      reconnect: null,
    };
    expect(ConnectionStatusSchema.parse(signedIn)).toEqual(signedIn);
    // A status stored by an older screen, without the reconnect field, still loads.
    const { reconnect: _absent, ...older } = signedIn;
    expect(ConnectionStatusSchema.parse(older)).toEqual(signedIn);
    const reconnecting = {
      ...signedIn,
      state: 'reconnecting',
      reconnect: { unreachable: true, nextAttemptAt: null },
    };
    expect(ConnectionStatusSchema.parse(reconnecting)).toEqual(reconnecting);
    expect(ConnectionStatusSchema.safeParse({ ...signedIn, expiresAt: 'tomorrow' }).success).toBe(false);
    expect(ConnectionStatusSchema.safeParse({ ...signedIn, state: 'connected' }).success).toBe(false);
  });
});
