import {
  BoardSnapshotSchema,
  BoardViewSchema,
  TileSnapshotSchema,
  type BoardSnapshot,
  type BoardView,
  type MeasureInfo,
  type Row,
  type TileSnapshot,
  type TileSnapshotOf,
} from '../../../contract/snapshot';

/**
 * Builders for realistic snapshots as the core sends them. Every builder parses its result with the
 * contract's schema, so a fixture that drifts from the contract fails loudly instead of testing fiction.
 */

export const ZONE = 'Europe/London';
/** 14:05 London time on a winter weekday (UTC+0). */
export const AS_OF = '2026-11-23T14:05:00.000Z';
export const WINDOW = `Today since 00:00, ${ZONE}`;

export function measure(
  id: string,
  label: string,
  unit: MeasureInfo['unit'],
  extra: Partial<MeasureInfo> = {},
): MeasureInfo {
  return { id, label, shortLabel: label, unit, target: null, thresholds: null, ...extra };
}

export function row(key: string, name: string, values: (number | null)[], levels?: Row['levels']): Row {
  return {
    key,
    name,
    extensionNumber: null,
    values,
    levels: levels ?? values.map(() => 'none'),
    points: null,
  };
}

/** A tile snapshot of one type: its options are that type's (defaults filled in by the schema). */
export type TileInput<T extends TileSnapshot['type']> = { type: T } & Partial<
  Omit<TileSnapshotOf<T>, 'type' | 'options'>
> & { options?: Partial<TileSnapshotOf<T>['options']> };

export function tile<T extends TileSnapshot['type']>(overrides: TileInput<T>): TileSnapshotOf<T> {
  return TileSnapshotSchema.parse({
    id: `${overrides.type.toLowerCase()}-tile`,
    title: 'A tile',
    layout: { x: 0, y: 0, w: 1, h: 1 },
    // Every option has a default but a text tile's text.
    options: overrides.type === 'text' ? { text: '' } : {},
    state: 'ok',
    asOf: AS_OF,
    stale: false,
    error: null,
    windowLabel: WINDOW,
    measures: [],
    rows: [],
    totals: null,
    yesterday: null,
    ...overrides,
  }) as TileSnapshotOf<T>;
}

export function bigNumberTile(overrides: Partial<TileInput<'bigNumber'>> = {}): TileSnapshotOf<'bigNumber'> {
  return tile({
    type: 'bigNumber',
    id: 'service-level',
    title: 'Service level',
    options: { compareYesterday: true },
    measures: [
      measure('service-level', 'Service level', 'percent', {
        target: 80,
        thresholds: { direction: 'below', warn: 80, critical: 70 },
      }),
    ],
    rows: [row('total', 'All queues', [83.25], ['ok'])],
    yesterday: { values: [79.1], points: null },
    ...overrides,
  });
}

/** Hourly points from 08:00 London time, one value per measure per point. */
export function hourlyPoints(day: string, perHour: (number | null)[][]): Row['points'] {
  return perHour.map((values, hour) => ({
    time: `${day}T${String(8 + hour).padStart(2, '0')}:00:00.000Z`,
    values,
  }));
}

export function board(overrides: Partial<BoardView> = {}): BoardView {
  return BoardViewSchema.parse({
    id: 'queues',
    name: 'Queues — today',
    timeZone: ZONE,
    dayReset: '00:00',
    grid: { columns: 6, rows: 4 },
    rotationSeconds: 30,
    businessHoursNow: null,
    tiles: [bigNumberTile()],
    ...overrides,
  });
}

export function snapshot(overrides: Partial<BoardSnapshot> = {}): BoardSnapshot {
  return BoardSnapshotSchema.parse({
    sequence: 1,
    generatedAt: AS_OF,
    demo: false,
    display: {
      theme: 'dark',
      scale: 'room',
      rotate: true,
      pixelShift: true,
      afterHoursDim: true,
      softReloadHours: 24,
    },
    status: { light: 'live', message: null },
    connection: {
      state: 'signedIn',
      mode: 'account',
      account: { id: '1', server: 'https://platform.ringcentral.com' },
      expiresAt: null,
      message: null,
    },
    boards: [board()],
    pinned: null,
    polling: { requestsPerRefresh: 4, requestsLastMinute: 8, budgetPerMinute: 40, paused: false },
    ...overrides,
  });
}
