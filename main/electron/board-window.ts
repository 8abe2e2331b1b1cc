import { BrowserWindow, type Rectangle } from 'electron';
import type { ScreenCore } from '../core/core-api';
import { pageOf, pageUrl, type PageOrigin } from './app-pages';
import type { BoardPlacement } from './display-plan';
import { recoveryQuery } from './recovery-page';
import type { RotationControl } from './rotation';
import { feedWindow } from './screen-feed';
import { RendererWatchdog } from './watchdog';
import { boardWindowOptions, type BoardMode } from './window-options';
import type { WindowRoles } from './window-roles';

/**
 * One board window on one display: created with the secure options, registered as a board (so it
 * may use the viewer channels only), fed snapshots, told about paused rotation, and watched by its
 * own watchdog. Its mode can change in place (windowed, fullscreen, kiosk) without a reload.
 */

export interface WindowContext {
  core: Pick<ScreenCore, 'onSnapshot' | 'screenVisible'>;
  roles: WindowRoles;
  origin: PageOrigin;
  rotation: RotationControl;
  preload: string;
  developer: boolean;
  icon?: string;
  log: (line: string) => void;
}

export interface BoardWindow {
  window: BrowserWindow;
  watchdog: RendererWatchdog;
}

export function openBoardWindow(
  context: WindowContext,
  placement: BoardPlacement,
  remembered: Rectangle | null = null,
): BoardWindow {
  const options = boardWindowOptions(
    { display: placement.display, mode: placement.mode, remembered },
    {
      preload: context.preload,
      developer: context.developer,
      ...(context.icon ? { icon: context.icon } : {}),
    },
  );
  const window = new BrowserWindow(options);
  context.roles.add(window, 'board');
  const boardUrl = pageUrl('board', context.origin);
  const watchdog = new RendererWatchdog(window, {
    loadBoard: () => void window.loadURL(boardUrl),
    showNotice: (notice) => void window.loadURL(pageUrl('recovery', context.origin, recoveryQuery(notice))),
    isBoard: (url) => pageOf(url, context.origin) === 'board',
    log: context.log,
  });
  window.once('ready-to-show', () => window.show());
  feedWindow(context.core, window);
  context.rotation.attach(window);
  void window.loadURL(boardUrl);
  return { window, watchdog };
}

export function applyBoardMode(window: BrowserWindow, mode: BoardMode): void {
  if (mode === 'kiosk') {
    window.setKiosk(true);
    return;
  }
  window.setKiosk(false);
  window.setFullScreen(mode === 'fullscreen');
}
