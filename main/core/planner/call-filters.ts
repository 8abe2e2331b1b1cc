import type { CallFilters } from '../../../contract/api-request';

/**
 * Call filters in one canonical form, and the narrowing of one filter set by another. Two tiles can
 * share a request only when their filters mean the same thing, so the planner compares canonical
 * forms: lists are sets (sorted, without repeats), an empty list means "no filter", keys are ordered.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Text that is equal for equal values regardless of key order: the basis of query identity. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- JSON.stringify gives undefined for undefined and functions, whatever lib.d.ts says
  return JSON.stringify(value) ?? 'null';
}

/** Canonical call filters, or null when nothing is filtered. */
export function normaliseCallFilters(filters: CallFilters | null | undefined): CallFilters | null {
  if (!filters) return null;
  const canonical = canonicalValue(filters);
  return canonical === undefined ? null : (canonical as CallFilters);
}

/** Sorted keys, sorted de-duplicated lists, no empty lists or objects (undefined when nothing is left). */
function canonicalValue(value: unknown): Json | undefined {
  if (Array.isArray(value)) {
    const byText = new Map<string, Json>();
    for (const item of value) {
      const normal = canonicalValue(item);
      if (normal !== undefined) byText.set(stableStringify(normal), normal);
    }
    if (byText.size === 0) return undefined;
    return [...byText.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const key of Object.keys(value).sort()) {
      const normal = canonicalValue((value as Record<string, unknown>)[key]);
      if (normal !== undefined) out[key] = normal;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return value === undefined ? undefined : (value as Json);
}

export type MergeResult = { ok: true; filters: CallFilters | null } | { ok: false; field: string };

/**
 * Calls that pass both filter sets: lists intersect, duration ranges tighten. When both sets filter the
 * same field and nothing is left, no call can pass; the caller reports that `field` rather than asking
 * the API, which would read an empty list as "no filter".
 */
export function mergeCallFilters(
  a: CallFilters | null | undefined,
  b: CallFilters | null | undefined,
): MergeResult {
  const left = normaliseCallFilters(a);
  const right = normaliseCallFilters(b);
  if (!left || !right) return { ok: true, filters: left ?? right };
  const merged = mergeValue('', left, right);
  if (!merged.ok) return merged;
  return { ok: true, filters: normaliseCallFilters(merged.value as CallFilters) };
}

type ValueResult = { ok: true; value: Json } | { ok: false; field: string };

function mergeValue(path: string, a: Json, b: Json): ValueResult {
  if (Array.isArray(a) && Array.isArray(b)) {
    const wanted = new Set(b.map(stableStringify));
    const both = a.filter((item) => wanted.has(stableStringify(item)));
    return both.length > 0 ? { ok: true, value: both } : { ok: false, field: path };
  }
  if (isObject(a) && isObject(b)) return mergeObjects(path, a, b);
  if (typeof a === 'number' && typeof b === 'number') {
    if (path.endsWith('minSeconds')) return { ok: true, value: Math.max(a, b) };
    if (path.endsWith('maxSeconds')) return { ok: true, value: Math.min(a, b) };
  }
  return stableStringify(a) === stableStringify(b) ? { ok: true, value: a } : { ok: false, field: path };
}

function mergeObjects(path: string, a: { [key: string]: Json }, b: { [key: string]: Json }): ValueResult {
  const out: Record<string, Json> = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const left = a[key];
    const right = b[key];
    const at = path ? `${path}.${key}` : key;
    if (left === undefined || right === undefined) {
      out[key] = (left ?? right) as Json;
      continue;
    }
    const merged = mergeValue(at, left, right);
    if (!merged.ok) return merged;
    out[key] = merged.value;
  }
  const min = out.minSeconds;
  const max = out.maxSeconds;
  if (typeof min === 'number' && typeof max === 'number' && min > max) return { ok: false, field: path };
  return { ok: true, value: out };
}

function isObject(value: Json): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
