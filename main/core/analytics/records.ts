/**
 * An analytics answer as the rest of the core reads it: records with their keys and names, every
 * metric under its response name, pages merged. parse-response.ts builds these from the wire.
 */

/** One record of an analytics answer, pages merged; values as the API returned them. */
export interface ResultRecord {
  readonly key: string;
  readonly name: string | null;
  readonly extensionNumber: string | null;
  /** Response metric name → scalar value or breakdown key → value. */
  readonly counters: Readonly<Record<string, number | Readonly<Record<string, number>>>>;
  readonly timers: Readonly<Record<string, number | Readonly<Record<string, number>>>>;
  /** Timeline only. */
  readonly points: readonly ResultPoint[] | null;
}

export interface ResultPoint {
  readonly time: string;
  readonly counters: Readonly<Record<string, number | Readonly<Record<string, number>>>>;
  readonly timers: Readonly<Record<string, number | Readonly<Record<string, number>>>>;
}
