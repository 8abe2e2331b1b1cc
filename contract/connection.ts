import { z } from 'zod';

/**
 * What the renderer may know about the connection to RingCentral (nothing secret), and the
 * connection part of the settings file (no secrets either: those live in the OS keychain).
 *
 * The embedded demo is not a server choice here: settings say "demo" with `connection: null`, and
 * the demo's emulator listens on a port chosen at each start, so there is no URL worth saving.
 */

export const CONNECTION_STATES = [
  'signedOut',
  'signingIn',
  'signedIn',
  'reconnecting',
  'signInNeeded',
  'error',
] as const;
export const ConnectionStateSchema = z.enum(CONNECTION_STATES);
export type ConnectionState = z.infer<typeof ConnectionStateSchema>;

export const ConnectionStatusSchema = z.object({
  /**
   * reconnecting: the session was lost and is being got back by itself (stored JWT or renewal),
   * however long RingCentral takes to answer; signInNeeded: only a person can fix it (RingCentral
   * refused the credentials, or a browser sign-in ended); error: something other than credentials
   * stops the connection (the keychain, or the network during a sign-in from the settings window).
   */
  state: ConnectionStateSchema,
  mode: z.enum(['demo', 'account']),
  account: z
    .object({
      /** The RingCentral account id when known, else the signed-in extension's id. */
      id: z.string(),
      /** The signed-in user's name, when RingCentral told us. */
      name: z.string().optional(),
      /** The platform's base URL, e.g. https://platform.ringcentral.com. */
      server: z.string(),
    })
    .nullable(),
  /** When the sign-in lapses unless it is renewed (refresh-token expiry), ISO 8601; null when signed out. */
  expiresAt: z.iso.datetime().nullable(),
  /** A sentence for the user about the last problem, or null. Never carries a token or secret. */
  message: z.string().nullable(),
  /** While reconnecting: whether the last attempt got no answer at all, and when the next one is due. */
  reconnect: z
    .object({ unreachable: z.boolean(), nextAttemptAt: z.iso.datetime().nullable() })
    .nullable()
    .default(null),
});
export type ConnectionStatus = z.infer<typeof ConnectionStatusSchema>;

/** Whether a URL carries a user name or password (`http://user:secret@host`). */
export function hasUserInfo(text: string): boolean {
  try {
    const url = new URL(text);
    return url.username !== '' || url.password !== '';
  } catch {
    return false;
  }
}

/**
 * A platform's base URL. One with a user name or password in it is refused, and the message never
 * repeats it: credentials belong in the keychain, and an error shown on screen must not carry them.
 */
export const ServerUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://platform.ringcentral.com' })
  .refine((url) => !hasUserInfo(url), {
    error: 'must not contain a user name or password (put credentials in the sign-in fields instead)',
  });

/** Which RingCentral platform an account lives on. `custom` is for a regional or test platform. */
export const ServerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('production') }),
  z.object({ kind: z.literal('custom'), url: ServerUrlSchema }),
]);
export type Server = z.infer<typeof ServerSchema>;

export const ConnectionConfigSchema = z.object({
  server: ServerSchema,
  clientId: z.string().min(1),
  authMethod: z.enum(['jwt', 'browser']),
  /** Names this connection's keychain entries (`<profile>:clientSecret`, `:jwt`, `:tokens`). */
  profile: z.string().min(1).max(100),
});
export type ConnectionConfig = z.infer<typeof ConnectionConfigSchema>;
