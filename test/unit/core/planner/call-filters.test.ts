import { describe, expect, it } from 'vitest';
import type { CallFilters } from '../../../../contract/api-request';
import {
  mergeCallFilters,
  normaliseCallFilters,
  stableStringify,
} from '../../../../main/core/planner/call-filters';

describe('normaliseCallFilters', () => {
  it('sorts lists, drops repeats and empty lists, orders keys', () => {
    const filters: CallFilters = {
      queues: [],
      directions: ['Outbound', 'Inbound', 'Outbound'],
      extensionFilters: { fromIds: [], toIds: ['2', '1'] },
      callSegments: [{ segment: 'Ringing', length: { maxSeconds: 9, minSeconds: 1 } }, { segment: 'Hold' }],
    };
    const normal = normaliseCallFilters(filters);
    expect(normal).toEqual({
      // Ordered by canonical text, which is all identity needs.
      callSegments: [{ length: { maxSeconds: 9, minSeconds: 1 }, segment: 'Ringing' }, { segment: 'Hold' }],
      directions: ['Inbound', 'Outbound'],
      extensionFilters: { toIds: ['1', '2'] },
    });
    expect(Object.keys(normal!)).toEqual(['callSegments', 'directions', 'extensionFilters']);
  });

  it('reads "nothing filtered" as null', () => {
    expect(normaliseCallFilters({ queues: [], extensionFilters: { fromIds: [] } })).toBeNull();
    expect(normaliseCallFilters(undefined)).toBeNull();
  });

  it('gives equal text for equal filters written differently', () => {
    const a = normaliseCallFilters({ origins: ['Internal', 'External'], callTypes: ['Direct'] });
    const b = normaliseCallFilters({ callTypes: ['Direct', 'Direct'], origins: ['External', 'Internal'] });
    expect(stableStringify(a)).toBe(stableStringify(b));
  });
});

describe('mergeCallFilters', () => {
  it('takes either side when only one filters', () => {
    expect(mergeCallFilters(null, { callResponses: ['Answered'] })).toEqual({
      ok: true,
      filters: { callResponses: ['Answered'] },
    });
    expect(mergeCallFilters({ directions: ['Inbound'] }, undefined)).toEqual({
      ok: true,
      filters: { directions: ['Inbound'] },
    });
  });

  it('intersects lists and tightens duration ranges', () => {
    const merged = mergeCallFilters(
      { callResponses: ['Answered', 'NotAnswered'], callDuration: { minSeconds: 10, maxSeconds: 600 } },
      { callResponses: ['Answered'], callDuration: { minSeconds: 30 }, directions: ['Inbound'] },
    );
    expect(merged).toEqual({
      ok: true,
      filters: {
        callDuration: { maxSeconds: 600, minSeconds: 30 },
        callResponses: ['Answered'],
        directions: ['Inbound'],
      },
    });
  });

  it('names the field when nothing could pass both', () => {
    expect(mergeCallFilters({ callResponses: ['NotAnswered'] }, { callResponses: ['Answered'] })).toEqual({
      ok: false,
      field: 'callResponses',
    });
    expect(mergeCallFilters({ timeSpent: { maxSeconds: 10 } }, { timeSpent: { minSeconds: 20 } })).toEqual({
      ok: false,
      field: 'timeSpent',
    });
    expect(
      mergeCallFilters(
        { extensionFilters: { toIds: ['1'] } },
        { extensionFilters: { toIds: ['2'], fromIds: ['3'] } },
      ),
    ).toEqual({ ok: false, field: 'extensionFilters.toIds' });
  });
});
