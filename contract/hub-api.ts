/**
 * The hub's HTTP surface, shared by the hub server and the renderer's hub transport.
 * - GET  `snapshot`      → the latest BoardSnapshot (204 before the first one)
 * - GET  `events`        → Server-Sent Events; each `snapshot` event carries a whole BoardSnapshot
 * - POST `invoke + name` → a Bridge invoke; JSON request body in, InvokeResult out
 * - GET/HEAD `health`    → `{ ok: true }`, without a key (for load balancers and monitoring)
 * - GET `pair`, POST `pairApi` → a screen joins with a pairing code instead of the access key
 * - GET `settings` → the settings pages for an admin session, else the admin sign-in page
 * Every POST is application/json from the hub's own origin (or from no browser at all). On a LAN the
 * viewer presents the access key once as `?key=` (or a pairing code) and gets its own screen token
 * in a cookie; admin channels need the admin key in the ADMIN_KEY_HEADER header.
 */
export const HUB_PATHS = {
  snapshot: '/api/snapshot',
  events: '/api/events',
  invoke: '/api/invoke/',
  health: '/api/health',
  pair: '/pair',
  pairApi: '/api/pair',
  /** The script of the hub's own one-field pages (pairing, admin sign-in). */
  formScript: '/hub-form.js',
  /** The settings pages (admin): the sign-in page until an admin session exists. */
  settings: '/settings',
  /** POST `{adminKey}` → an admin session cookie; POST to `adminSignOut` ends it. */
  adminSession: '/api/admin/session',
  adminSignOut: '/api/admin/sign-out',
} as const;

/** A page's name for its own event stream (`events?screen=`), so it can report being hidden. */
export const STREAM_SCREEN_PARAM = 'screen';
export const STREAM_SCREEN_PATTERN = /^[A-Za-z0-9-]{8,64}$/;

export const SNAPSHOT_EVENT = 'snapshot';
/** Sent every 15 s so a screen can tell a quiet hub from a lost one. */
export const HEARTBEAT_EVENT = 'heartbeat';
export const ACCESS_KEY_PARAM = 'key';
export const ACCESS_COOKIE = 'callboard_access';
export const ADMIN_KEY_HEADER = 'x-callboard-admin-key';
