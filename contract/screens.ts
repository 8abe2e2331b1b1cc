import { z } from 'zod';

/**
 * The screens a hub on a network has let in. Each got its own token (kept by its browser as the
 * access cookie, stored by the hub only as a hash) when it presented the access key or a pairing
 * code, so one lost TV can be shut out without re-keying the others. Nothing here is secret.
 */

export const SCREEN_NAME_MAX = 80;
export const ScreenNameSchema = z.string().trim().min(1).max(SCREEN_NAME_MAX);

export const ScreenInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** How it got in: with the access key in its address, or with a pairing code. */
  joinedWith: z.enum(['key', 'code']),
  joinedAt: z.string(),
  /** When it last asked the hub for anything (to the hour or better), null if never since joining. */
  lastSeenAt: z.string().nullable(),
  /** The network address it last came from, as the hub saw it. */
  lastAddress: z.string().nullable(),
  /** Event streams it has open right now (a screen showing the board has one). */
  connected: z.number().int().nonnegative(),
});
export type ScreenInfo = z.infer<typeof ScreenInfoSchema>;

export const PAIRING_CODE_DIGITS = 6;
export const PairingCodeSchema = z.object({
  code: z.string().regex(/^\d{6}$/),
  /** The name the screen will have once paired. */
  name: z.string(),
  expiresAt: z.string(),
});
export type PairingCode = z.infer<typeof PairingCodeSchema>;

/** What a screen sends to /api/pair: the code, as typed (spaces and dashes are ignored). */
export const PairRequestSchema = z.object({ code: z.string().max(40) });
