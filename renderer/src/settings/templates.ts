import type { z } from 'zod';
import {
  TileSchema,
  type MeasureSchema,
  type Tile,
  type TileGroupingSchema,
  type TileQuerySchema,
} from '../../../contract/board';
import type { KpiId } from '../../../contract/kpis';
import { TILE_DESCRIPTORS, type TileType } from '../../../contract/tile-types';

/**
 * Tiles a supervisor starts from, modelled on the default boards (main/core/settings/default-boards.ts):
 * the same measures and thresholds a contact centre expects, over every queue or every user until the
 * tile editor narrows them to keys picked by name. Each template makes a complete, valid tile (a
 * unit test parses every one) at the id and place the board editor chose for it.
 */

export type TileLayout = Tile['layout'];

export interface TileTemplateContext {
  /** A tile id free on the board. */
  id: string;
  /** A free place on the board's grid, usually `size` (smaller when the grid has no room). */
  layout: TileLayout;
}

export interface TileTemplate {
  /** Also the base of a new tile's id: lowercase letters, digits and dashes. */
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly type: TileType;
  /** The size the tile wants on the grid, in cells. */
  readonly size: { readonly w: number; readonly h: number };
  make(context: TileTemplateContext): Tile;
}

type TileInput = z.input<typeof TileSchema>;
type MeasureInput = z.input<typeof MeasureSchema>;
type QueryInput = z.input<typeof TileQuerySchema>;
type GroupingInput = z.input<typeof TileGroupingSchema>;
/** A tile of any type without the id and layout the board editor gives it. */
type TileBody = TileInput extends infer T ? (T extends unknown ? Omit<T, 'id' | 'layout'> : never) : never;

const QUEUES: GroupingInput = { kind: 'groupBy', groupBy: 'Queues' };
const USERS: GroupingInput = { kind: 'groupBy', groupBy: 'Users' };
const COMPANY: GroupingInput = { kind: 'groupBy', groupBy: 'Company' };

function today(grouping: GroupingInput): QueryInput {
  return { grouping: structuredClone(grouping), window: { kind: 'today' } };
}

function kpi(id: KpiId, extra: Partial<MeasureInput> = {}): MeasureInput {
  return { id: id.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`), kpi: id, ...extra };
}

function count(id: string, label: string, expression: string): MeasureInput {
  return { id, label, expression, unit: 'count' };
}

const above = (warn: number, critical: number) => ({
  thresholds: { direction: 'above' as const, warn, critical },
});
const below = (warn: number, critical: number) => ({
  thresholds: { direction: 'below' as const, warn, critical },
});

const serviceLevel = () => kpi('serviceLevel', { ...below(80, 70), target: 80 });
const abandonRate = () => kpi('abandonRate', above(5, 10));
const timeToAnswer = () => kpi('avgTimeToAnswer', above(30, 60));

/** A template whose tile is `body` with the context's id and layout; the contract fills the defaults. */
function template(
  entry: Omit<TileTemplate, 'make' | 'size' | 'type'> & { size?: TileTemplate['size'] },
  body: () => TileBody,
): TileTemplate {
  const type = body().type;
  return {
    ...entry,
    type,
    size: entry.size ?? TILE_DESCRIPTORS[type].size,
    make: ({ id, layout }) => TileSchema.parse({ ...body(), id, layout: { ...layout } }),
  };
}

export const TILE_TEMPLATES: readonly TileTemplate[] = [
  template(
    {
      id: 'queue-overview',
      label: 'Queue overview',
      description:
        'A row per queue: offered, answered, service level, abandon rate and time to answer, coloured by threshold.',
    },
    () => ({
      type: 'queueGrid',
      title: 'Queues',
      query: today(QUEUES),
      measures: [kpi('offered'), kpi('answered'), serviceLevel(), abandonRate(), timeToAnswer()],
    }),
  ),
  template(
    {
      id: 'sla-gauge',
      label: 'Service level gauge',
      description: 'Service level today on a 0–100 % arc, warning under 80 % and critical under 70 %.',
    },
    () => ({
      type: 'gauge',
      title: 'Service level',
      query: today(QUEUES),
      measures: [serviceLevel()],
      min: 0,
      max: 100,
    }),
  ),
  template(
    {
      id: 'abandon-rate',
      label: 'Abandon rate',
      description:
        'One big number: the share of inbound calls abandoned today, warning at 5 % and critical at 10 %, with yesterday’s change.',
    },
    () => ({
      type: 'bigNumber',
      title: 'Abandon rate',
      query: today(QUEUES),
      measures: [abandonRate()],
      compareYesterday: true,
    }),
  ),
  template(
    {
      id: 'hourly-volume',
      label: 'Hourly volume with yesterday',
      description: 'Inbound calls offered and answered per hour today, over yesterday’s dashed.',
    },
    () => ({
      type: 'timeline',
      title: 'Inbound calls by hour',
      query: today(QUEUES),
      measures: [kpi('offered'), kpi('answered')],
      interval: 'Hour',
      overlayYesterday: true,
    }),
  ),
  template(
    {
      id: 'agent-leaderboard',
      label: 'Agent leaderboard',
      description: 'The ten agents who answered most today, with their answer rate and handle time.',
    },
    () => ({
      type: 'leaderboard',
      title: 'Agents',
      query: today(USERS),
      measures: [kpi('answered'), kpi('agentAnswerRate', below(90, 75)), kpi('aht')],
      sortBy: 'answered',
      order: 'desc',
      limit: 10,
    }),
  ),
  template(
    {
      id: 'team-totals',
      label: 'Team totals',
      description:
        'One big number: calls the whole team answered today, with the change since the same time yesterday.',
    },
    () => ({
      type: 'bigNumber',
      title: 'Team answered',
      query: today(USERS),
      measures: [kpi('answered')],
      compareYesterday: true,
    }),
  ),
  template(
    {
      id: 'call-results',
      label: 'Call results',
      description:
        'How today’s calls ended per queue: completed, abandoned, voicemail and missed, as a stacked bar.',
    },
    () => ({
      type: 'resultBar',
      title: 'Call results',
      query: today(QUEUES),
      measures: [
        count('completed', 'Completed', 'callsByResult.completed'),
        count('abandoned', 'Abandoned', 'callsByResult.abandoned'),
        count('voicemail', 'Voicemail', 'callsByResult.voicemail'),
        count('missed', 'Missed', 'callsByResult.missed'),
      ],
    }),
  ),
  template(
    {
      id: 'answered-split',
      label: 'Answered or not',
      description: 'A donut of today’s calls answered and not answered.',
    },
    () => ({
      type: 'donut',
      title: 'Answered or not',
      query: today(QUEUES),
      measures: [
        count('answered', 'Answered', 'callsByResponse.answered'),
        count('not-answered', 'Not answered', 'callsByResponse.notAnswered'),
      ],
    }),
  ),
  template(
    {
      id: 'clock',
      label: 'Clock',
      description: 'The time and date in the board’s zone.',
      size: { w: 2, h: 1 },
    },
    () => ({ type: 'clock', title: 'Time', showSeconds: false }),
  ),
  template(
    {
      id: 'ticker',
      label: 'Ticker or message',
      description: 'A message for the room along the bottom of the board, scrolling (or still).',
    },
    () => ({
      type: 'text',
      title: 'Notice',
      text: 'Welcome! Edit this message in Settings.',
      ticker: true,
    }),
  ),
  template(
    {
      id: 'data-tile',
      label: 'Blank data tile',
      description:
        'A big number of calls offered to the whole account today: change its type, measures, grouping and filters from scratch.',
    },
    () => ({ type: 'bigNumber', title: 'New tile', query: today(COMPANY), measures: [kpi('offered')] }),
  ),
];

export function templateById(id: string): TileTemplate | undefined {
  return TILE_TEMPLATES.find((entry) => entry.id === id);
}
