import type { BrowserWindow } from 'electron';
import { IPC_ROTATION_PAUSED } from '../../contract/channels';

/**
 * "Pause rotation" from the tray: the main process keeps the choice and tells every board window,
 * now and whenever one (re)loads, so a reload or a new display keeps the board that was held.
 * The board subscribes through the preload (`window.callboard.onRotationPaused`).
 */
export class RotationControl {
  private paused = false;

  constructor(private readonly boards: () => BrowserWindow[]) {}

  get isPaused(): boolean {
    return this.paused;
  }

  setRotationPaused(paused: boolean): void {
    this.paused = paused;
    for (const window of this.boards()) this.tell(window);
  }

  /** A board window sends its state again after every load (the page forgets it on reload). */
  attach(window: BrowserWindow): void {
    window.webContents.on('did-finish-load', () => this.tell(window));
  }

  private tell(window: BrowserWindow): void {
    if (!window.isDestroyed()) window.webContents.send(IPC_ROTATION_PAUSED, this.paused);
  }
}
