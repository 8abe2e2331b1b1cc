import type { StatusLight } from '../../../contract/snapshot';

/** Words and shapes of the global status light; the shape keeps it readable without colour. */
export const STATUS_LABEL: Record<StatusLight, string> = {
  live: 'Live',
  delayed: 'Delayed',
  offline: 'Offline',
  signInNeeded: 'Sign-in needed',
  starting: 'Starting',
};

export const STATUS_GLYPH: Record<StatusLight, string> = {
  live: '●',
  delayed: '▲',
  offline: '■',
  signInNeeded: '◆',
  starting: '○',
};
