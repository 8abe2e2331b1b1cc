/**
 * Bridge channel names as plain data (no schema library), so the sandboxed preload can check them
 * without bundling zod. contract/bridge.ts pairs each name with its schemas.
 */
export const INVOKE_CHANNEL_NAMES = [
  'snapshot:get',
  'settings:get',
  'settings:save',
  'settings:current',
  'settings:update',
  'settings:cost',
  'settings:preview',
  'directory:list',
  'board:export',
  'board:import',
  'boards:export',
  'boardSource:status',
  'boardSource:test',
  'connection:status',
  'connection:signInJwt',
  'connection:signInBrowser',
  'connection:browserPage',
  'connection:signOut',
  'connection:useDemo',
  'screen:visibility',
  'screens:list',
  'screens:pair',
  'screens:rename',
  'screens:revoke',
] as const;

export type InvokeChannelName = (typeof INVOKE_CHANNEL_NAMES)[number];

/** Electron IPC names: one for every invoke, one for snapshot pushes, one for the tray's rotation pause. */
export const IPC_INVOKE = 'bridge:invoke';
export const IPC_SNAPSHOT = 'snapshot:push';
export const IPC_ROTATION_PAUSED = 'rotation:paused';
