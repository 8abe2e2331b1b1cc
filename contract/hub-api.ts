/**
 * The hub's HTTP surface, shared by the hub server and the renderer's hub transport.
 * - GET  `snapshot`      → the latest BoardSnapshot (204 before the first one)
 * - GET  `events`        → Server-Sent Events; each `snapshot` event carries a whole BoardSnapshot
 * - POST `invoke + name` → a Bridge invoke; JSON request body in, InvokeResult out
 * On a LAN the viewer presents the access key once as `?key=` and gets a cookie; admin channels need
 * the admin key in the ADMIN_KEY_HEADER header.
 */
export const HUB_PATHS = {
  snapshot: '/api/snapshot',
  events: '/api/events',
  invoke: '/api/invoke/',
  health: '/api/health',
} as const;

export const SNAPSHOT_EVENT = 'snapshot';
/** Sent every 15 s so a screen can tell a quiet hub from a lost one. */
export const HEARTBEAT_EVENT = 'heartbeat';
export const ACCESS_KEY_PARAM = 'key';
export const ACCESS_COOKIE = 'callboard_access';
export const ADMIN_KEY_HEADER = 'x-callboard-admin-key';
