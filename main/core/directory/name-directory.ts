import { z } from 'zod';
import type { Grouping } from '../../../contract/api-request';
import type { Clock } from '../poller/clock';
import type { Transport } from '../poller/transport';
import { errorText } from '../../../contract/error-text';

/**
 * Names for analytics keys, from the account's extension list (GET /restapi/v1.0/account/~/extension;
 * `type=Department` is a call queue). Fetched once and refreshed every few hours, because names
 * change rarely and every request spends the same user's rate budget. Also counts extensions per
 * grouping so the planner can estimate pages for groupings without explicit keys.
 */

const ExtensionPageSchema = z.object({
  records: z.array(
    z.object({
      id: z.union([z.string(), z.number()]).transform(String),
      extensionNumber: z.string().optional(),
      name: z.string().optional(),
      type: z.string().optional(),
    }),
  ),
  paging: z.object({ totalPages: z.number().int().optional() }).optional(),
});

export interface KeyName {
  name: string;
  extensionNumber: string | null;
}

const GROUP_TYPES: Partial<Record<string, string>> = {
  Users: 'User',
  Queues: 'Department',
  IVRs: 'IvrMenu',
  SharedLines: 'SharedLinesGroup',
  Sites: 'Site',
};
/** groupByMembers keys are groups: those the extension list names. */
const MEMBER_GROUP_TYPES: Partial<Record<string, string>> = { Queue: 'Department', Site: 'Site' };
const REFRESH_MS = 6 * 3_600_000;
const RETRY_MS = 5 * 60_000;
const PER_PAGE = 1000;
const MAX_PAGES = 20;

export class NameDirectory {
  private byId = new Map<string, KeyName & { type: string | null }>();
  private loadedAt: number | null = null;
  private failedAt: number | null = null;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly transport: Transport,
    private readonly clock: Clock,
    private readonly log: (line: string) => void = () => {},
  ) {}

  lookup = (key: string): KeyName | null => this.byId.get(key) ?? null;

  /** Extensions a grouping without explicit keys returns, or null when unknown. */
  keyCount = (grouping: Grouping): number | null => {
    // groupByMembers keys are groups, but the records are their member users: unknown here.
    if (grouping.groupByMembers) return null;
    if (grouping.keys) return grouping.keys.length;
    const type = grouping.groupBy ? GROUP_TYPES[grouping.groupBy] : undefined;
    if (!type || this.loadedAt === null) return null;
    return [...this.byId.values()].filter((entry) => entry.type === type).length;
  };

  /**
   * The keys a grouping can be given, with their names, for picking by name (settings window);
   * null when this kind of key is not in the extension list (departments, user groups, numbers).
   */
  entriesFor = (grouping: Grouping): Array<{ key: string } & KeyName> | null => {
    const type = grouping.groupByMembers
      ? MEMBER_GROUP_TYPES[grouping.groupByMembers]
      : grouping.groupBy
        ? GROUP_TYPES[grouping.groupBy]
        : undefined;
    if (!type) return null;
    return [...this.byId.entries()]
      .filter(([, entry]) => entry.type === type)
      .map(([key, entry]) => ({ key, name: entry.name, extensionNumber: entry.extensionNumber }));
  };

  /** When the list was last loaded (ms), or null: a new value means key counts may have changed. */
  get loadedTime(): number | null {
    return this.loadedAt;
  }

  /** Refresh when stale; failures are logged and retried later, names already known are kept. */
  refreshIfDue(): Promise<void> {
    const now = this.clock.now();
    const fresh = this.loadedAt !== null && now - this.loadedAt < REFRESH_MS;
    const backingOff = this.failedAt !== null && now - this.failedAt < RETRY_MS;
    if (fresh || backingOff) return Promise.resolve();
    this.loading ??= this.load().finally(() => (this.loading = null));
    return this.loading;
  }

  private async load(): Promise<void> {
    try {
      const next = new Map<string, KeyName & { type: string | null }>();
      for (let page = 1; page <= MAX_PAGES; page++) {
        const totalPages = await this.loadPage(page, next);
        if (totalPages === null || page >= totalPages) break;
      }
      this.byId = next;
      this.loadedAt = this.clock.now();
      this.failedAt = null;
    } catch (error) {
      this.failedAt = this.clock.now();
      this.log(`extension names not refreshed: ${errorText(error)}`);
    }
  }

  private async loadPage(
    page: number,
    into: Map<string, KeyName & { type: string | null }>,
  ): Promise<number | null> {
    const response = await this.transport({
      method: 'GET',
      path: '/restapi/v1.0/account/~/extension',
      query: { page, perPage: PER_PAGE },
      timeoutMs: 20_000,
    });
    if (response.status !== 200) throw new Error(`the extension list answered HTTP ${response.status}`);
    const parsed = ExtensionPageSchema.safeParse(response.body);
    if (!parsed.success) throw new Error('the extension list was not in the expected shape');
    for (const record of parsed.data.records) {
      into.set(record.id, {
        name: record.name ?? record.id,
        extensionNumber: record.extensionNumber ?? null,
        type: record.type ?? null,
      });
    }
    return parsed.data.paging?.totalPages ?? null;
  }
}
