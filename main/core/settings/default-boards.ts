import type { z } from 'zod';
import type {
  BoardSchema,
  MeasureSchema,
  TileGroupingSchema,
  TileQuerySchema,
  TileSchema,
} from '../../../contract/board';
import type { KpiId } from '../../../contract/kpis';
import { SettingsSchema, type Settings } from '../../../contract/settings';
import type { DemoProfile } from '../demo';

/**
 * The settings a new install starts with: a queue board and a team board that look like a real
 * contact centre's from the first second. On the embedded demo the directory is known, so tiles name
 * the demo's queues; on a real account nothing is known yet, so tiles cover every queue and user and
 * the settings window narrows them later. Every board here must validate (a unit test parses them).
 */

export type DefaultScope =
  /** No account is configured: the boards run on the embedded demo, in its zone. */
  | { kind: 'demo'; demo: DemoProfile }
  /** A real account: nothing is known of its queues yet; the boards start in this zone. */
  | { kind: 'account'; timeZone: string };

type BoardInput = z.input<typeof BoardSchema>;
type TileInput = z.input<typeof TileSchema>;
type MeasureInput = z.input<typeof MeasureSchema>;
type QueryInput = z.input<typeof TileQuerySchema>;
type GroupingInput = z.input<typeof TileGroupingSchema>;
type Layout = TileInput['layout'];

/** Who the data tiles look at: the queues, and the agents who answer them. */
interface Scope {
  queues: GroupingInput;
  agents: GroupingInput;
  /** Shown on the team board's ticker. */
  welcome: string;
}

export function defaultSettings(options: DefaultScope): Settings {
  const scope = options.kind === 'demo' ? demoScope(options.demo) : accountScope();
  const zone = options.kind === 'demo' ? options.demo.timeZone : options.timeZone;
  return SettingsSchema.parse({
    connection: null,
    boards: [queueBoard(scope, zone), teamBoard(scope, zone)],
  });
}

function demoScope(demo: DemoProfile): Scope {
  const keys = [...demo.queueKeys];
  const name = demo.accountName;
  return {
    queues: { kind: 'groupBy', groupBy: 'Queues', keys },
    // Members of the demo queues only: supervisors and the reception line stay off the leaderboard.
    agents: { kind: 'groupByMembers', groupByMembers: 'Queue', keys },
    welcome: `Welcome to ${name}! Figures count completed calls since the start of the day; calls waiting right now are not part of RingCentral analytics. Thank you for every call you take.`,
  };
}

function accountScope(): Scope {
  return {
    queues: { kind: 'groupBy', groupBy: 'Queues' },
    agents: { kind: 'groupBy', groupBy: 'Users' },
    welcome:
      'Welcome! Figures count completed calls since the start of the day. Edit this message, and choose the queues and agents each tile shows, in Settings.',
  };
}

/** 12 tiles filling a 6×4 grid: headline numbers on top, per-queue detail and volume below. */
function queueBoard(scope: Scope, timeZone: string): BoardInput {
  const queues = today(scope.queues);
  return board('queues', 'Queues — today', timeZone, [...queueHeadlines(queues), ...queueDetail(queues)]);
}

function queueHeadlines(queues: QueryInput): TileInput[] {
  return [
    big('offered', 'Offered', at(0, 0), queues, kpi('offered'), true),
    big('answered', 'Answered', at(1, 0), queues, kpi('answered'), true),
    big('service-level', 'Service level', at(2, 0), queues, serviceLevel()),
    big('abandon-rate', 'Abandon rate', at(3, 0), queues, abandonRate()),
    big('time-to-answer', 'Avg time to answer', at(4, 0), queues, timeToAnswer()),
    big('longest-wait', 'Longest wait', at(5, 0), queues, kpi('longestWait', above(120, 300))),
    big('handle-time', 'Avg handle time', at(0, 3), queues, kpi('aht')),
  ];
}

function queueDetail(queues: QueryInput): TileInput[] {
  const results = ['completed', 'abandoned', 'voicemail', 'missed'];
  return [
    {
      id: 'queue-grid',
      type: 'queueGrid',
      title: 'Queues',
      layout: at(0, 1, 3, 2),
      query: queues,
      measures: [kpi('offered'), kpi('answered'), serviceLevel(), abandonRate(), timeToAnswer()],
    },
    {
      id: 'inbound-by-hour',
      type: 'timeline',
      title: 'Inbound calls by hour',
      layout: at(3, 1, 3, 2),
      query: queues,
      interval: 'Hour',
      overlayYesterday: true,
      measures: [kpi('offered'), kpi('answered')],
    },
    {
      id: 'call-results',
      type: 'resultBar',
      title: 'Call results',
      layout: at(1, 3, 2, 1),
      query: queues,
      measures: results.map((key) => count(key, `callsByResult.${key}`)),
    },
    {
      id: 'answered-split',
      type: 'donut',
      title: 'Answered or not',
      layout: at(3, 3),
      query: queues,
      measures: [
        count('answered', 'callsByResponse.answered'),
        count('not-answered', 'callsByResponse.notAnswered'),
      ],
    },
    { id: 'clock', type: 'clock', title: 'Time', layout: at(4, 3, 2, 1) },
  ];
}

/** The agents behind the queues: a leaderboard and team-wide numbers, with a ticker along the bottom. */
function teamBoard(scope: Scope, timeZone: string): BoardInput {
  const agents = today(scope.agents);
  return board('team', 'Team — today', timeZone, [
    {
      id: 'agents',
      type: 'leaderboard',
      title: 'Agents',
      layout: at(0, 0, 3, 3),
      query: agents,
      measures: [kpi('answered'), kpi('agentAnswerRate', below(90, 75)), kpi('aht')],
      sortBy: 'answered',
      order: 'desc',
      limit: 10,
    },
    ...teamNumbers(scope),
    { id: 'clock', type: 'clock', title: 'Time', layout: at(5, 2) },
    {
      id: 'welcome',
      type: 'text',
      title: 'Notice',
      layout: at(0, 3, 6, 1),
      text: scope.welcome,
      ticker: true,
    },
  ]);
}

function teamNumbers(scope: Scope): TileInput[] {
  const agents = today(scope.agents);
  // Talk seconds over calls with talk: a true average over all the agents' calls, whatever the rows.
  const avgTalk: MeasureInput = {
    id: 'avg-talk',
    label: 'Avg talk',
    expression: 'callsSegmentsDuration.liveTalk / callsSegments.liveTalk',
    unit: 'seconds',
  };
  return [
    big('team-answered', 'Team answered', at(3, 0), agents, kpi('answered'), true),
    big('avg-talk', 'Avg talk', at(4, 0), agents, avgTalk),
    big('answered-last-hour', 'Answered, last 60 min', at(5, 0), rolling(scope.agents, 60), kpi('answered')),
    big('hold-rate', 'Hold rate', at(3, 1), agents, kpi('holdRate', above(25, 40))),
    big('transfer-rate', 'Transfer rate', at(4, 1), agents, kpi('transferRate', above(15, 25))),
    // Queue scope: agents take few calls after hours; the queues are where those calls land.
    big('after-hours', 'After-hours share', at(5, 1), today(scope.queues), kpi('afterHoursShare')),
    big('outbound', 'Outbound', at(3, 2), agents, kpi('outbound'), true),
    big('connect-rate', 'Connect rate', at(4, 2), agents, kpi('connectRate', below(60, 45))),
  ];
}

function board(id: string, name: string, timeZone: string, tiles: TileInput[]): BoardInput {
  return { id, name, timeZone, grid: { columns: 6, rows: 4 }, tiles };
}

function big(
  id: string,
  title: string,
  layout: Layout,
  query: QueryInput,
  measure: MeasureInput,
  compareYesterday = false,
): TileInput {
  return { id, type: 'bigNumber', title, layout, query, measures: [measure], compareYesterday };
}

function kpi(id: KpiId, extra: Partial<MeasureInput> = {}): MeasureInput {
  return { id: id.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`), kpi: id, ...extra };
}

function count(id: string, expression: string): MeasureInput {
  const label = id.charAt(0).toUpperCase() + id.slice(1).replace(/-/g, ' ');
  return { id, label, expression, unit: 'count' };
}

const serviceLevel = () => kpi('serviceLevel', { ...below(80, 70), target: 80 });
const abandonRate = () => kpi('abandonRate', above(5, 10));
const timeToAnswer = () => kpi('avgTimeToAnswer', above(30, 60));

function above(warn: number, critical: number): Partial<MeasureInput> {
  return { thresholds: { direction: 'above', warn, critical } };
}

function below(warn: number, critical: number): Partial<MeasureInput> {
  return { thresholds: { direction: 'below', warn, critical } };
}

function at(x: number, y: number, w = 1, h = 1): Layout {
  return { x, y, w, h };
}

function today(grouping: GroupingInput): QueryInput {
  return { grouping, window: { kind: 'today' } };
}

function rolling(grouping: GroupingInput, minutes: number): QueryInput {
  return { grouping, window: { kind: 'rolling', minutes } };
}

/**
 * After a switch between the demo and an account: boards nobody has edited yet follow the new mode
 * (the demo's queue keys mean nothing on a real account, and the reverse); edited boards are kept.
 */
export function adaptDefaultBoards(settings: Settings, from: DefaultScope, to: DefaultScope): Settings {
  const before = defaultSettings(from);
  const untouched =
    settings.pinned === null && JSON.stringify(settings.boards) === JSON.stringify(before.boards);
  if (!untouched) return settings;
  return { ...settings, boards: defaultSettings(to).boards };
}

/**
 * At boot on the demo: the demo picks its zone afresh at every start (wherever it is daytime), so
 * default boards saved in yesterday's zone follow today's. Only boards equal to the demo defaults in
 * the zone they were saved in move; edited boards keep their zone, and so do boards already in it.
 */
export function rezoneDefaultDemoBoards(settings: Settings, demo: DemoProfile): Settings {
  const stored = settings.boards[0]?.timeZone;
  if (stored === undefined || stored === demo.timeZone) return settings;
  const before: DefaultScope = { kind: 'demo', demo: { ...demo, timeZone: stored } };
  return adaptDefaultBoards(settings, before, { kind: 'demo', demo });
}

/** The zone a real account's default boards start in: this machine's (Settings can change it). */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
