import type { FailureKind } from './failure';
import type { ResultRecord } from '../analytics/records';

/** What the poller knows about one query: the last good answer and how the latest attempt went. */
export interface QueryState {
  readonly queryId: string;
  /** The last good answer (kept across errors), or null before the first. */
  readonly records: readonly ResultRecord[] | null;
  /** When the last good answer was fetched (ms since epoch), or null. */
  readonly fetchedAt: number | null;
  /** The latest attempt's error in the user's terms, or null when it succeeded. */
  readonly error: string | null;
  /** What kind of failure that was (null when it succeeded): the status light reads this. */
  readonly errorKind: FailureKind | null;
  readonly consecutiveFailures: number;
  readonly refreshMs: number;
}
