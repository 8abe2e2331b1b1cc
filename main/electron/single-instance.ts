import { app } from 'electron';

/**
 * One Callboard per user session: two would each poll RingCentral and halve everyone's rate budget,
 * and fight over the same displays. A second launch (a double-click on the icon, autostart racing a
 * person) quits at once and the first one comes to the front instead.
 */
export function claimSingleInstance(onSecondLaunch: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => onSecondLaunch());
  return true;
}
