import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CODE_LIFETIME_MS, PAIRING_ATTEMPTS, PairingCodes } from '../../../main/hub/pairing';
import { MAX_SCREENS, ScreenRegistry } from '../../../main/hub/screen-registry';

/** Per-screen tokens kept on disk as hashes, and pairing codes that work once and cannot be guessed fast. */

let dir: string;
let path: string;
let logged: string[];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'callboard-screens-'));
  path = join(dir, 'screens.json');
  logged = [];
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const open = () => ScreenRegistry.open(path, (line) => logged.push(line));

describe('screen registry', () => {
  it('lets a screen in with its own token, stored only as a hash, and remembers it across restarts', async () => {
    const registry = await open();
    const { id, token } = await registry.register({
      name: 'Lobby TV',
      joinedWith: 'code',
      address: '10.0.0.7',
    });
    expect(registry.verify(token)).toBe(id);
    const onDisk = await readFile(path, 'utf8');
    expect(onDisk).not.toContain(token.split('.')[1]);
    const again = await open();
    expect(again.verify(token)).toBe(id);
    expect(again.list(() => 2)).toEqual([
      expect.objectContaining({
        id,
        name: 'Lobby TV',
        joinedWith: 'code',
        lastAddress: '10.0.0.7',
        connected: 2,
      }),
    ]);
    expect(JSON.stringify(again.list(() => 0))).not.toMatch(/secret|Hash/);
  });

  it.each([undefined, '', 'no-dot', '.x', 'unknown.secret'])('refuses token %j', async (token) => {
    const registry = await open();
    await registry.register({ name: 'TV', joinedWith: 'key', address: null });
    expect(registry.verify(token)).toBeNull();
  });

  it('refuses a token whose secret is wrong, even with a right id', async () => {
    const registry = await open();
    const { id, token } = await registry.register({ name: 'TV', joinedWith: 'key', address: null });
    expect(registry.verify(`${id}.${'x'.repeat(32)}`)).toBeNull();
    expect(registry.verify(`${token}x`)).toBeNull();
  });

  it('revokes one screen for good while the others keep working', async () => {
    const registry = await open();
    const lost = await registry.register({ name: 'Lost TV', joinedWith: 'key', address: null });
    const kept = await registry.register({ name: 'Kept TV', joinedWith: 'key', address: null });
    expect(await registry.revoke(lost.id)).toBe(true);
    expect(await registry.revoke(lost.id)).toBe(false);
    expect(registry.verify(lost.token)).toBeNull();
    expect(registry.verify(kept.token)).toBe(kept.id);
    const restarted = await open();
    expect(restarted.verify(lost.token)).toBeNull();
    expect(restarted.verify(kept.token)).toBe(kept.id);
  });

  it('renames a screen', async () => {
    const registry = await open();
    const { id } = await registry.register({ name: 'Chrome on Linux', joinedWith: 'key', address: null });
    expect(await registry.rename(id, 'Floor 2 TV')).toBe(true);
    expect((await open()).list(() => 0)[0]?.name).toBe('Floor 2 TV');
  });

  it('sets an unreadable file aside, names it in the log, and starts empty', async () => {
    await writeFile(path, '{"version":1,"screens":[{"id":');
    const registry = await open();
    expect(registry.size).toBe(0);
    expect(logged.join('\n')).toMatch(/screens\.json is not valid JSON .*line 1.*kept as .*unreadable/);
    expect((await readdir(dir)).some((name) => name.startsWith('screens.json.unreadable-'))).toBe(true);
  });

  it('reads a file that starts with a byte-order mark', async () => {
    const first = await open();
    const { id, token } = await first.register({ name: 'TV', joinedWith: 'key', address: null });
    await writeFile(path, `\uFEFF${await readFile(path, 'utf8')}`);
    expect((await open()).verify(token)).toBe(id);
  });

  it(`forgets the screen seen least recently beyond ${MAX_SCREENS}`, async () => {
    let now = Date.parse('2026-12-01T00:00:00Z');
    const registry = await ScreenRegistry.open(
      path,
      (line) => logged.push(line),
      () => (now += 1000),
    );
    const first = await registry.register({ name: 'First', joinedWith: 'key', address: null });
    for (let i = 0; i < MAX_SCREENS; i++)
      await registry.register({ name: `TV ${i}`, joinedWith: 'key', address: null });
    expect(registry.size).toBe(MAX_SCREENS);
    expect(registry.verify(first.token)).toBeNull();
    expect(logged.join('\n')).toMatch(/forgot "First"/);
  }, 30_000);
});

describe('a full registry', () => {
  it('never forgets a screen that is showing the board, and refuses a new one when all are', async () => {
    let now = Date.parse('2026-12-01T00:00:00Z');
    const registry = await ScreenRegistry.open(
      path,
      (line) => logged.push(line),
      () => (now += 1000),
    );
    const onAir = await registry.register({ name: 'On air', joinedWith: 'key', address: null });
    const idle = await registry.register({ name: 'Idle', joinedWith: 'key', address: null });
    registry.isConnected = (id) => id !== idle.id;
    for (let i = 0; i < MAX_SCREENS - 1; i++)
      await registry.register({ name: `TV ${i}`, joinedWith: 'key', address: null });
    expect(registry.verify(onAir.token)).toBe(onAir.id);
    expect(registry.verify(idle.token)).toBeNull();
    registry.isConnected = () => true;
    await expect(
      registry.register({ name: 'One too many', joinedWith: 'key', address: null }),
    ).rejects.toThrow(/let in 500 screens, all showing the board/);
    expect(registry.size).toBe(MAX_SCREENS);
  }, 30_000);
});

describe('pairing codes', () => {
  it('pairs once with the six digits, typed with spaces or dashes, under the name asked for', () => {
    const codes = new PairingCodes();
    const issued = codes.issue('Lobby TV');
    expect(issued.code).toMatch(/^\d{6}$/);
    const typed = `${issued.code.slice(0, 3)} - ${issued.code.slice(3)}`;
    expect(codes.redeem(typed, 'tv')).toEqual({ ok: true, name: 'Lobby TV' });
    expect(codes.redeem(issued.code, 'tv')).toMatchObject({ ok: false, reason: 'wrong' });
  });

  it('expires a code after its lifetime', () => {
    let now = 0;
    const codes = new PairingCodes(() => now);
    const { code } = codes.issue('TV');
    now = CODE_LIFETIME_MS + 1;
    expect(codes.redeem(code, 'tv')).toMatchObject({ ok: false, reason: 'wrong' });
  });

  it('limits wrong codes per machine, so one machine failing on purpose does not lock the others out', () => {
    const codes = new PairingCodes();
    const { code } = codes.issue('TV');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < PAIRING_ATTEMPTS.perCaller; i++)
      expect(codes.redeem(wrong, 'attacker').ok).toBe(false);
    expect(codes.redeem(code, 'attacker')).toMatchObject({ ok: false, reason: 'tooMany' });
    expect(codes.redeem(code, 'lobby-tv')).toEqual({ ok: true, name: 'TV' });
  });

  it(`allows ${PAIRING_ATTEMPTS.perHub} wrong codes a minute hub-wide, from any number of machines`, () => {
    let now = 0;
    const codes = new PairingCodes(() => now);
    const { code } = codes.issue('TV');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < PAIRING_ATTEMPTS.perHub; i++)
      expect(codes.redeem(wrong, `machine-${i}`).ok).toBe(false);
    expect(codes.redeem(code, 'lobby-tv')).toMatchObject({ ok: false, reason: 'tooMany' });
    now = 60_001;
    expect(codes.redeem(code, 'lobby-tv')).toEqual({ ok: true, name: 'TV' });
  });
});
