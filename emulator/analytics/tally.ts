import type { CompiledCall, CompiledView } from '../data/calls';
import { ACTION_KEYS, CATEGORY_ALL, CATEGORY_COUNT, DIMENSIONS, SEGMENT_KEYS } from './vocabulary';

/**
 * Running totals for one record (or one timeline bucket of one record), in a flat Float64Array:
 * per category the view count, the seconds spent, and the shortest and longest per-view time; per
 * segment the views that had it and its seconds; per action the sum of counts; queue opportunities.
 */

const CAT = CATEGORY_COUNT;
const SEG = SEGMENT_KEYS.length;
const ACT = ACTION_KEYS.length;

const COUNT = 0;
const TIME = CAT;
const MIN = 2 * CAT;
const MAX = 3 * CAT;
const SEG_COUNT = 4 * CAT;
const SEG_TIME = SEG_COUNT + SEG;
const SEG_MIN = SEG_TIME + SEG;
const SEG_MAX = SEG_MIN + SEG;
const ACTIONS = SEG_MAX + SEG;
const QUEUE_OPPORTUNITIES = ACTIONS + ACT;
const SIZE = QUEUE_OPPORTUNITIES + 1;

const DIRECTION = DIMENSIONS.direction.offset;
const ORIGIN = DIMENSIONS.origin.offset;
const RESPONSE = DIMENSIONS.response.offset;
const RESULT = DIMENSIONS.result.offset;
const TYPE = DIMENSIONS.type.offset;
const COMPANY_HOURS = DIMENSIONS.companyHours.offset;
const QUEUE_SLA = DIMENSIONS.queueSla.offset;
const ENDING_PARTY = DIMENSIONS.endingParty.offset;
const QUEUE_HOURS = DIMENSIONS.queueHours.offset;

/** Where a breakdown value lives: a category, a segment, an action, or queue opportunities. */
export type Slot =
  | { readonly kind: 'category'; readonly index: number }
  | { readonly kind: 'segment'; readonly index: number }
  | { readonly kind: 'action'; readonly index: number }
  | { readonly kind: 'queueOpportunities' };

export class Tally {
  private readonly v = new Float64Array(SIZE);

  constructor() {
    this.v.fill(Infinity, MIN, MIN + CAT);
    this.v.fill(-Infinity, MAX, MAX + CAT);
    this.v.fill(Infinity, SEG_MIN, SEG_MIN + SEG);
    this.v.fill(-Infinity, SEG_MAX, SEG_MAX + SEG);
  }

  add(view: CompiledView, call: CompiledCall): void {
    const time = view.timeSpent;
    this.bump(CATEGORY_ALL, time);
    if (view.direction >= 0) this.bump(DIRECTION + view.direction, time);
    if (call.origin >= 0) this.bump(ORIGIN + call.origin, time);
    if (view.response >= 0) this.bump(RESPONSE + view.response, time);
    if (view.result >= 0) this.bump(RESULT + view.result, time);
    if (view.type >= 0) this.bump(TYPE + view.type, time);
    if (call.companyHours >= 0) this.bump(COMPANY_HOURS + call.companyHours, time);
    if (view.queueSla >= 0) this.bump(QUEUE_SLA + view.queueSla, time);
    if (view.endingParty >= 0) this.bump(ENDING_PARTY + view.endingParty, time);
    if (view.queueHours >= 0) this.bump(QUEUE_HOURS + view.queueHours, time);
    const v = this.v;
    for (let i = 0; i < SEG; i++) {
      const seconds = view.segments[i]!;
      if (seconds > 0) {
        v[SEG_COUNT + i]! += 1;
        v[SEG_TIME + i]! += seconds;
        if (seconds < v[SEG_MIN + i]!) v[SEG_MIN + i] = seconds;
        if (seconds > v[SEG_MAX + i]!) v[SEG_MAX + i] = seconds;
      }
    }
    for (let i = 0; i < ACT; i++) v[ACTIONS + i]! += view.actions[i]!;
    v[QUEUE_OPPORTUNITIES]! += view.queueOpportunities;
  }

  /** How many: views in a category or with a segment, actions taken, or queue opportunities. */
  count(slot: Slot): number {
    switch (slot.kind) {
      case 'category':
        return this.v[COUNT + slot.index]!;
      case 'segment':
        return this.v[SEG_COUNT + slot.index]!;
      case 'action':
        return this.v[ACTIONS + slot.index]!;
      case 'queueOpportunities':
        return this.v[QUEUE_OPPORTUNITIES]!;
    }
  }

  /** Seconds: time spent by the views of a category, or seconds in a segment. */
  seconds(slot: Slot): number {
    switch (slot.kind) {
      case 'category':
        return this.v[TIME + slot.index]!;
      case 'segment':
        return this.v[SEG_TIME + slot.index]!;
      default:
        return 0;
    }
  }

  /** Per-view extremes of the seconds behind a slot; 0 when no view matched. */
  minSeconds(slot: Slot): number {
    const value = this.extreme(slot, MIN, SEG_MIN);
    return Number.isFinite(value) ? value : 0;
  }

  maxSeconds(slot: Slot): number {
    const value = this.extreme(slot, MAX, SEG_MAX);
    return Number.isFinite(value) ? value : 0;
  }

  private extreme(slot: Slot, categoryBase: number, segmentBase: number): number {
    if (slot.kind === 'category') return this.v[categoryBase + slot.index]!;
    if (slot.kind === 'segment') return this.v[segmentBase + slot.index]!;
    return 0;
  }

  private bump(category: number, time: number): void {
    const v = this.v;
    v[COUNT + category]! += 1;
    v[TIME + category]! += time;
    if (time < v[MIN + category]!) v[MIN + category] = time;
    if (time > v[MAX + category]!) v[MAX + category] = time;
  }
}
