import { powerSaveBlocker, type BrowserWindow } from 'electron';

/**
 * Keeps the display awake while a board shows (a TV that blanks after ten minutes is no wallboard),
 * and lets it sleep again as soon as no board is visible: minimised, hidden or closed boards do
 * not hold it. One blocker for the whole app, started and stopped as windows come and go.
 */
export class DisplaySleepGuard {
  private blocker: number | null = null;
  private readonly watched = new WeakSet<BrowserWindow>();

  constructor(private readonly boards: () => BrowserWindow[]) {}

  /** Follows a board window's visibility from now on. */
  watch(window: BrowserWindow): void {
    if (this.watched.has(window)) return;
    this.watched.add(window);
    const update = () => this.update();
    window.on('show', update);
    window.on('hide', update);
    window.on('minimize', update);
    window.on('restore', update);
    window.once('closed', () => setImmediate(() => this.update()));
    this.update();
  }

  update(): void {
    const showing = this.boards().some(
      (window) => !window.isDestroyed() && window.isVisible() && !window.isMinimized(),
    );
    if (showing && this.blocker === null) this.blocker = powerSaveBlocker.start('prevent-display-sleep');
    if (!showing && this.blocker !== null) {
      powerSaveBlocker.stop(this.blocker);
      this.blocker = null;
    }
  }

  get active(): boolean {
    return this.blocker !== null;
  }
}
