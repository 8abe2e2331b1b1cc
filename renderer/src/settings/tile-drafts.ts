import { computed } from 'vue';
import { z } from 'zod';
import {
  ACTIONS,
  CALL_TYPES,
  DIRECTIONS,
  ENDING_PARTIES,
  HOURS_OPTIONS,
  ORIGINS,
  QUEUE_SLA,
  RESPONSES,
  RESULTS,
  type GroupBy,
  type GroupByMembers,
} from '../../../contract/api-vocabulary';
import type { CallFilters } from '../../../contract/api-request';
import { isDataTile, type DataTile, type Measure, type Tile, type TileType } from '../../../contract/board';
import type { DirectoryKind } from '../../../contract/editor';
import { KPIS, KPI_IDS, type KpiId, type Unit } from '../../../contract/kpis';
import { IdSchema, TILE_DESCRIPTORS } from '../../../contract/tile-types';
import { uniqueId } from './board-drafts';
import type { FieldPath } from './field-errors';
import { useDraftStore } from './stores/draft';

/**
 * What the tile editor's forms share: the tile being edited and a way to change it (always through
 * the draft store), the form fields a tile type's options call for (read from its descriptor's
 * schemas, so a new option appears in the editor without editor code), the words for the API's
 * vocabulary, and pure edits (a new measure, a change of type, moving an item in a list).
 */

// ——— The tile being edited ———

export interface TileRef {
  boardIndex: number;
  tileIndex: number;
}

/** The tile at `ref` in the draft, its problems' base path, and edits that go through the draft store. */
export function useTile(ref: TileRef) {
  const draft = useDraftStore();
  const tile = computed<Tile | null>(() => draft.draft?.boards[ref.boardIndex]?.tiles[ref.tileIndex] ?? null);
  const dataTile = computed<DataTile | null>(() =>
    tile.value && isDataTile(tile.value) ? tile.value : null,
  );
  const path = computed<FieldPath>(() => ['boards', ref.boardIndex, 'tiles', ref.tileIndex]);

  function edit(change: (tile: Tile) => void, undoLabel?: string): void {
    draft.edit((settings) => {
      const target = settings.boards[ref.boardIndex]?.tiles[ref.tileIndex];
      if (target) change(target);
    }, undoLabel);
  }
  function editData(change: (tile: DataTile) => void, undoLabel?: string): void {
    edit((target) => {
      if (isDataTile(target)) change(target);
    }, undoLabel);
  }
  function replace(next: Tile): void {
    draft.edit((settings) => {
      const board = settings.boards[ref.boardIndex];
      if (board?.tiles[ref.tileIndex]) board.tiles[ref.tileIndex] = next;
    });
  }
  return { draft, tile, dataTile, path, edit, editData, replace };
}

// ——— Words ———

/** A problem as a sentence beside its field: "Critical must be beyond warn…", "Formula: ends too early." */
export function problemSentence(label: string, message: string): string {
  const words = message.trim();
  const end = /[.!?]$/.test(words) ? '' : '.';
  if (words.toLowerCase().startsWith(label.toLowerCase())) {
    return `${words.charAt(0).toUpperCase()}${words.slice(1)}${end}`;
  }
  if (/^(must|is|are|needs|may|expected|names|lies|use|give)\b/.test(words)) return `${label} ${words}${end}`;
  return `${label}: ${words}${end}`;
}

/** Turns "Queues" into "queue": what one key of a directory kind is called. */
export const KIND_NOUNS: Readonly<Record<DirectoryKind, { one: string; many: string }>> = {
  Company: { one: 'company', many: 'companies' },
  CompanyNumbers: { one: 'company number', many: 'company numbers' },
  Users: { one: 'user', many: 'users' },
  Queues: { one: 'queue', many: 'queues' },
  IVRs: { one: 'IVR', many: 'IVRs' },
  IVAs: { one: 'virtual assistant', many: 'virtual assistants' },
  SharedLines: { one: 'shared line', many: 'shared lines' },
  UserGroups: { one: 'user group', many: 'user groups' },
  Sites: { one: 'site', many: 'sites' },
  Departments: { one: 'department', many: 'departments' },
  Department: { one: 'department', many: 'departments' },
  UserGroup: { one: 'user group', many: 'user groups' },
  Queue: { one: 'queue', many: 'queues' },
  Site: { one: 'site', many: 'sites' },
};

export const GROUP_BY_WORDS: Readonly<Record<GroupBy, string>> = {
  Company: 'The whole account (one row)',
  CompanyNumbers: 'Each company number',
  Users: 'Each user',
  Queues: 'Each queue',
  IVRs: 'Each IVR',
  IVAs: 'Each virtual assistant',
  SharedLines: 'Each shared line',
  UserGroups: 'Each user group',
  Sites: 'Each site',
  Departments: 'Each department',
};

export const GROUP_BY_MEMBERS_WORDS: Readonly<Record<GroupByMembers, string>> = {
  Department: 'Members of departments',
  UserGroup: 'Members of user groups',
  Queue: 'Members of queues (agents)',
  Site: 'Members of sites',
};

/** The groupBy that lists the groups whose members groupByMembers shows, and back. */
export const MEMBERS_OF: Readonly<Record<GroupByMembers, GroupBy>> = {
  Department: 'Departments',
  UserGroup: 'UserGroups',
  Queue: 'Queues',
  Site: 'Sites',
};

export function membersFor(groupBy: GroupBy): GroupByMembers {
  const found = (Object.keys(MEMBERS_OF) as GroupByMembers[]).find(
    (members) => MEMBERS_OF[members] === groupBy,
  );
  return found ?? 'Queue';
}

export const UNIT_WORDS: Readonly<Record<Unit, string>> = {
  count: 'Count',
  percent: 'Percent',
  seconds: 'Seconds (shown as m:ss)',
};

/** Named KPIs in groups a supervisor recognises: counts, rates, times. */
export const KPI_GROUPS: ReadonlyArray<{ label: string; kpis: readonly KpiId[] }> = (
  [
    ['Counts', 'count'],
    ['Rates (%)', 'percent'],
    ['Times', 'seconds'],
  ] as const
).map(([label, unit]) => ({ label, kpis: KPI_IDS.filter((id) => KPIS[id].unit === unit) }));

/** Words for enum values the API spells in code. */
const VALUE_WORDS: Readonly<Record<string, string>> = {
  desc: 'Highest first',
  asc: 'Lowest first',
  NotAnswered: 'Not answered',
  NotConnected: 'Not connected',
  PickedUp: 'Picked up',
  AnsweredElsewhere: 'Answered elsewhere',
  FromQueue: 'From a queue',
  ParkRetrieval: 'Park retrieval',
  QueueCallPickup: 'Queue call pickup',
  BusinessHours: 'Business hours',
  AfterHours: 'After hours',
  InSla: 'Within SLA',
  OutSla: 'Outside SLA',
  HoldOff: 'Hold off',
  HoldOn: 'Hold on',
  ParkOn: 'Park on',
  ParkOff: 'Park off',
  BlindTransfer: 'Blind transfer',
  WarmTransfer: 'Warm transfer',
  DTMFTransfer: 'DTMF transfer',
  LiveTalk: 'Live talk',
  IvrPrompt: 'IVR prompt',
  VmGreeting: 'Voicemail greeting',
};

export function valueWords(value: string): string {
  return VALUE_WORDS[value] ?? value;
}

/** The call filters that are lists of API values, shown as groups of checkboxes (none ticked: any). */
export const FILTER_CHOICES = [
  { key: 'directions', label: 'Direction', values: DIRECTIONS },
  { key: 'origins', label: 'Origin', values: ORIGINS },
  { key: 'callResponses', label: 'Response', values: RESPONSES },
  { key: 'callResults', label: 'Result', values: RESULTS },
  { key: 'callTypes', label: 'Call type', values: CALL_TYPES },
  { key: 'callActions', label: 'Actions during the call', values: ACTIONS },
  { key: 'companyHours', label: 'Company hours', values: HOURS_OPTIONS },
  { key: 'queueHours', label: 'Queue hours', values: HOURS_OPTIONS },
  { key: 'queueSla', label: 'Queue SLA', values: QUEUE_SLA },
  { key: 'endingParties', label: 'Who ended the call', values: ENDING_PARTIES },
] as const satisfies ReadonlyArray<{ key: keyof CallFilters; label: string; values: readonly string[] }>;
export type FilterChoiceKey = (typeof FILTER_CHOICES)[number]['key'];

// ——— Options from the descriptor ———

export type OptionField =
  | { key: string; label: string; kind: 'boolean' }
  | { key: string; label: string; kind: 'number'; min?: number; max?: number; step: number }
  | { key: string; label: string; kind: 'enum'; choices: readonly string[] }
  /** An id naming one of the tile's measures (a leaderboard's sortBy); unset means the first. */
  | { key: string; label: string; kind: 'measure' }
  | { key: string; label: string; kind: 'text'; maxLength?: number };

/** The form fields a tile type's options need, from the option schemas (enums, booleans, numbers…). */
export function optionFields(type: TileType): OptionField[] {
  const options: Record<string, z.ZodType> = TILE_DESCRIPTORS[type].options;
  return Object.entries(options).flatMap(([key, schema]): OptionField[] => {
    const title = (schema.meta() as { title?: unknown } | undefined)?.title;
    const label = typeof title === 'string' ? title : key;
    const inner = unwrapped(schema);
    if (inner === IdSchema) return [{ key, label, kind: 'measure' }];
    if (inner instanceof z.ZodBoolean) return [{ key, label, kind: 'boolean' }];
    if (inner instanceof z.ZodEnum) return [{ key, label, kind: 'enum', choices: inner.options.map(String) }];
    if (inner instanceof z.ZodNumber) {
      const min = Number.isFinite(inner.minValue) ? (inner.minValue ?? undefined) : undefined;
      const max = Number.isFinite(inner.maxValue) ? (inner.maxValue ?? undefined) : undefined;
      return [{ key, label, kind: 'number', min, max, step: 1 }];
    }
    if (inner instanceof z.ZodString)
      return [{ key, label, kind: 'text', maxLength: inner.maxLength ?? undefined }];
    return [];
  });
}

function unwrapped(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodDefault || current instanceof z.ZodOptional) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

/** A type's options with their defaults (a text tile's text starts empty). */
export function optionDefaults(type: TileType): Record<string, unknown> {
  const options: Record<string, z.ZodType> = TILE_DESCRIPTORS[type].options;
  const filled: Record<string, unknown> = type === 'text' ? { text: '' } : {};
  const parsed = z.object(options).safeParse(filled);
  return parsed.success ? { ...parsed.data } : filled;
}

// ——— Pure edits ———

/**
 * The tile as another type: id, title and layout kept, a data tile keeps its query and measures, the
 * new type's options start at their defaults. A data tile only becomes another data type, and a
 * clock or text only another of those, so nothing the user built is dropped.
 */
export function changedType(tile: Tile, type: TileType): Tile {
  const common = { id: tile.id, title: tile.title, layout: tile.layout };
  const data = isDataTile(tile)
    ? {
        query: tile.query,
        measures: tile.measures,
        ...(tile.refreshSeconds === undefined ? {} : { refreshSeconds: tile.refreshSeconds }),
      }
    : {};
  return { ...common, ...data, ...optionDefaults(type), type } as Tile;
}

/** The types a tile may change to (data types for a data tile, clock and text otherwise). */
export function typesLike(tile: Tile): TileType[] {
  const data = isDataTile(tile);
  return (Object.keys(TILE_DESCRIPTORS) as TileType[]).filter(
    (type) => (TILE_DESCRIPTORS[type].data !== null) === data,
  );
}

/** A new measure for a tile: the first named KPI it does not show yet, with an id of its own. */
export function newMeasure(measures: readonly Measure[]): Measure {
  const kpi = KPI_IDS.find((id) => !measures.some((measure) => measure.kpi === id)) ?? 'offered';
  const id = uniqueId(
    kebab(kpi),
    measures.map((measure) => measure.id),
  );
  return { id, kpi };
}

export function kebab(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** `list` with the item at `from` moved to `to` (in place); false when either is out of range. */
export function moveItem(list: unknown[], from: number, to: number): boolean {
  if (from < 0 || to < 0 || from >= list.length || to >= list.length || from === to) return false;
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item);
  return true;
}

/** Sensible thresholds to start from when the user turns them on for a KPI (or a formula). */
export function startingThresholds(kpi: KpiId | undefined, unit: Unit | undefined) {
  const higherIsBetter = kpi ? KPIS[kpi].higherIsBetter : null;
  const effectiveUnit = unit ?? (kpi ? KPIS[kpi].unit : 'count');
  if (higherIsBetter === true) {
    return effectiveUnit === 'percent'
      ? { direction: 'below' as const, warn: 80, critical: 70 }
      : { direction: 'below' as const, warn: 10, critical: 5 };
  }
  if (effectiveUnit === 'percent') return { direction: 'above' as const, warn: 5, critical: 10 };
  if (effectiveUnit === 'seconds') return { direction: 'above' as const, warn: 30, critical: 60 };
  return { direction: 'above' as const, warn: 10, critical: 20 };
}

/** A number typed into a field: '' is unset (undefined), anything unreadable stays NaN for the schema. */
export function numberFrom(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

/**
 * Changes a query's call filters, then drops what filters nothing (empty lists, ranges with neither
 * end, extension filters with no ids) and the filters themselves when nothing is left.
 */
export function editFilters(
  query: { callFilters?: CallFilters },
  change: (filters: CallFilters) => void,
): void {
  const filters: CallFilters = query.callFilters ?? {};
  change(filters);
  const record = filters as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (isEmptyFilter(value)) Reflect.deleteProperty(record, key);
  }
  if (filters.extensionFilters) {
    const ids = filters.extensionFilters as Record<string, unknown>;
    for (const [key, value] of Object.entries(ids))
      if (isEmptyFilter(value)) Reflect.deleteProperty(ids, key);
    if (Object.keys(ids).length === 0) delete filters.extensionFilters;
  }
  if (Object.keys(filters).length === 0) delete query.callFilters;
  else query.callFilters = filters;
}

function isEmptyFilter(value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && value !== null) {
    return Object.values(value).every((inner) => inner === undefined);
  }
  return false;
}
