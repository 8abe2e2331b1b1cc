import { DateTime } from 'luxon';
import { parseHhMm } from '../../../contract/api-request';
import { DAYS_OF_WEEK } from '../../../contract/api-vocabulary';
import type { Board, BusinessHours } from '../../../contract/board';
import type { BoardView, TileSnapshot } from '../../../contract/snapshot';
import { freezeDeep } from './freeze';

/**
 * One board as screens draw it: its settings that matter on screen, whether it is business hours
 * there now (for after-hours dimming) and its tiles' snapshots, frozen.
 */

export { freezeDeep };

export interface BoardViewInput {
  readonly board: Board;
  readonly now: number;
  readonly tiles: readonly TileSnapshot[];
}

export function buildBoardView(input: BoardViewInput): BoardView {
  const { board } = input;
  return freezeDeep({
    id: board.id,
    name: board.name,
    timeZone: board.timeZone,
    dayReset: board.dayReset,
    grid: { columns: board.grid.columns, rows: board.grid.rows },
    rotationSeconds: board.rotationSeconds,
    businessHoursNow: businessHoursNow(board.businessHours, board.timeZone, input.now),
    tiles: [...input.tiles],
  });
}

/**
 * Whether `now` falls in the business hours, read in the board's zone: from `from` up to (not
 * including) `to` on the listed days. Hours that end before they start run overnight and belong to
 * the day they start on (22:00–06:00 on Friday covers Saturday 03:00). Equal ends mean all day.
 */
export function businessHoursNow(hours: BusinessHours | null, timeZone: string, now: number): boolean | null {
  if (!hours) return null;
  const local = DateTime.fromMillis(now, { zone: timeZone });
  if (!local.isValid) return null;
  const from = parseHhMm(hours.from) ?? 0;
  const to = parseHhMm(hours.to) ?? 0;
  const minute = local.hour * 60 + local.minute;
  const onDay = (offsetDays: number) => {
    const day = DAYS_OF_WEEK[local.minus({ days: offsetDays }).weekday % 7];
    return day !== undefined && hours.days.includes(day);
  };
  if (from === to) return onDay(0);
  if (from < to) return onDay(0) && minute >= from && minute < to;
  return (onDay(0) && minute >= from) || (onDay(1) && minute < to);
}
