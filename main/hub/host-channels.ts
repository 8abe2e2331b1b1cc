import { INVOKE_CHANNELS, type InvokeChannel, type InvokeResult } from '../../contract/bridge';
import { describeIssue } from '../../contract/describe-issue';
import { STREAM_SCREEN_PATTERN } from '../../contract/hub-api';
import { PairRequestSchema } from '../../contract/screens';
import type { PairingCodes } from './pairing';
import type { ScreenRegistry } from './screen-registry';
import type { ScreenStreams } from './screen-streams';

/**
 * The Bridge channels the hub answers itself because they are about its own screens: which are let
 * in (list, pair, rename, revoke) and whether a page's stream is showing (screen:visibility). The
 * request is validated against the contract, as the core does for its channels.
 */

export const HOST_CHANNELS = [
  'screen:visibility',
  'screens:list',
  'screens:pair',
  'screens:rename',
  'screens:revoke',
] as const satisfies readonly InvokeChannel[];
type HostChannel = (typeof HOST_CHANNELS)[number];

export function isHostChannel(channel: InvokeChannel): channel is HostChannel {
  return (HOST_CHANNELS as readonly string[]).includes(channel);
}

export interface HostScreens {
  registry: ScreenRegistry;
  streams: ScreenStreams;
  pairing: PairingCodes;
  /** Whether this hub serves a network (only then do screens join and pair). */
  lan: boolean;
}

const LOOPBACK_ONLY =
  'This hub serves this machine only, so no screen needs to join; start it with --host 0.0.0.0 to serve TVs.';

export async function invokeHostChannel(
  channel: HostChannel,
  request: unknown,
  caller: { screen: string | null },
  screens: HostScreens,
): Promise<InvokeResult<InvokeChannel>> {
  const parsed = INVOKE_CHANNELS[channel].request.safeParse(request);
  if (!parsed.success)
    return { ok: false, error: `Invalid ${channel} request: ${describeIssue(parsed.error)}` };
  const { registry, streams, pairing } = screens;
  const list = () => registry.list((id) => streams.connectedCount(id));
  switch (channel) {
    case 'screen:visibility': {
      const { screenId, visible } = parsed.data as { screenId: string; visible: boolean };
      // Only a stream that is open, and opened by this same screen, is affected; others are ignored.
      if (STREAM_SCREEN_PATTERN.test(screenId))
        streams.setVisible({ screen: caller.screen, pageId: screenId }, visible);
      return { ok: true, value: undefined };
    }
    case 'screens:list':
      return { ok: true, value: list() };
    case 'screens:pair': {
      if (!screens.lan) return { ok: false, error: LOOPBACK_ONLY };
      return { ok: true, value: pairing.issue((parsed.data as { name: string }).name) };
    }
    case 'screens:rename': {
      const { id, name } = parsed.data as { id: string; name: string };
      if (!(await registry.rename(id, name)))
        return { ok: false, error: `No screen "${id}" (revoked already?)` };
      return { ok: true, value: list() };
    }
    case 'screens:revoke': {
      const { id } = parsed.data as { id: string };
      if (!(await registry.revoke(id))) return { ok: false, error: `No screen "${id}" (revoked already?)` };
      // Its token no longer works; its open streams end now rather than at its next request.
      streams.closeScreen(id);
      return { ok: true, value: list() };
    }
  }
}

/** POST /api/pair: a screen typed a code. On success, the token to set as its cookie. */
export async function redeemPairing(
  body: unknown,
  address: string | null,
  screens: HostScreens,
): Promise<{ ok: true; token: string } | { ok: false; status: 400 | 403 | 429; error: string }> {
  if (!screens.lan) return { ok: false, status: 400, error: LOOPBACK_ONLY };
  const parsed = PairRequestSchema.safeParse(body);
  if (!parsed.success)
    return { ok: false, status: 400, error: `Invalid pairing request: ${describeIssue(parsed.error)}` };
  const outcome = screens.pairing.redeem(parsed.data.code, address ?? 'unknown');
  if (!outcome.ok)
    return { ok: false, status: outcome.reason === 'tooMany' ? 429 : 403, error: outcome.error };
  const { token } = await screens.registry.register({ name: outcome.name, joinedWith: 'code', address });
  return { ok: true, token };
}
