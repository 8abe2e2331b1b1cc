/**
 * IPC names only the desktop app uses, shared by the main process and the preload. Pausing rotation
 * from the tray is a desktop-only push for now; it belongs beside IPC_SNAPSHOT in contract/channels.ts
 * once the renderer's Bridge carries it (docs/desktop.md, "Pause rotation").
 */
export const IPC_ROTATION_PAUSED = 'rotation:paused';
