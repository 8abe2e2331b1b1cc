// @vitest-environment happy-dom
import { enableAutoUnmount, flushPromises, type DOMWrapper, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { DataTile, Tile } from '../../../../contract/board';
import { parseExpression } from '../../../../contract/expression';
import type { Settings } from '../../../../contract/settings';
import TileEditor from '../../../../renderer/src/settings/components/TileEditor.vue';
import { templateById } from '../../../../renderer/src/settings/templates';
import {
  byLabel,
  demoSettings,
  describedText,
  mountWithDraft,
  settingsWith,
  tileIndexOf,
} from './editor-fixtures';

/**
 * The tile editor on the default demo boards: every change goes into the draft, and every problem
 * the contract finds is shown in words beside the field it is about, read with that field.
 */

enableAutoUnmount(afterEach);

async function editor(settings: Settings, tileId: string, boardIndex = 0) {
  const tileIndex = tileIndexOf(settings, tileId, boardIndex);
  const mounted = mountWithDraft(TileEditor, { boardIndex, tileIndex }, settings);
  await flushPromises();
  const tile = () => mounted.draft.draft!.boards[boardIndex]!.tiles[tileIndex]! as DataTile;
  return { ...mounted, tile };
}

function fromTemplate(templateId: string, id = templateId): Tile {
  const template = templateById(templateId)!;
  return template.make({ id, layout: { x: 0, y: 0, ...template.size } });
}

const measureCard = (wrapper: VueWrapper, index: number): DOMWrapper<Element> =>
  wrapper.findAll('.measures li.card')[index]!;

describe('TileEditor: thresholds', () => {
  it('changes the draft, and critical short of warn shows the contract’s message beside Critical', async () => {
    const { wrapper, tile } = await editor(demoSettings(), 'abandon-rate');
    const card = measureCard(wrapper, 0);
    const critical = byLabel(card, 'Critical');
    expect(critical.element.value).toBe('10');
    expect(describedText(critical)).toBe('At or above warn.');

    await critical.setValue('3');
    expect(tile().measures[0]!.thresholds).toEqual({ direction: 'above', warn: 5, critical: 3 });
    expect(critical.attributes('aria-invalid')).toBe('true');
    expect(describedText(critical)).toBe('Critical must be beyond warn in the threshold direction.');

    await byLabel(card, 'Warn').setValue('2');
    expect(tile().measures[0]!.thresholds).toEqual({ direction: 'above', warn: 2, critical: 3 });
    expect(critical.attributes('aria-invalid')).toBe('false');
    expect(describedText(critical)).toBe('At or above warn.');
  });

  it('judges the limits by direction, and turns thresholds off and on', async () => {
    const { wrapper, tile } = await editor(demoSettings(), 'abandon-rate');
    const card = measureCard(wrapper, 0);
    await byLabel(card, 'Bad when the value').setValue('below');
    // below: critical 10 above warn 5 is the wrong way round now
    expect(describedText(byLabel(card, 'Critical'))).toBe(
      'Critical must be beyond warn in the threshold direction.',
    );
    await byLabel(card, 'Colour by thresholds').setValue(false);
    expect(tile().measures[0]!.thresholds).toBeUndefined();
    expect(card.find('[data-field="critical"]').exists()).toBe(false);
    await byLabel(card, 'Colour by thresholds').setValue(true);
    // Abandon rate: higher is worse, a percent.
    expect(tile().measures[0]!.thresholds).toEqual({ direction: 'above', warn: 5, critical: 10 });
  });

  it('calls an empty limit a missing number', async () => {
    const { wrapper } = await editor(demoSettings(), 'abandon-rate');
    const warn = byLabel(measureCard(wrapper, 0), 'Warn');
    await warn.setValue('');
    expect(describedText(warn)).toBe('Warn must be a number.');
  });
});

describe('TileEditor: measures', () => {
  it('shows a formula’s syntax error in the contract’s words, beside the formula', async () => {
    const { wrapper, tile } = await editor(demoSettings(), 'call-results');
    const formula = byLabel(measureCard(wrapper, 0), 'Formula');
    expect(formula.element.value).toBe('callsByResult.completed');
    const bad = '100 * (callsByResult.abandoned';
    const parsed = parseExpression(bad);
    if (parsed.ok) throw new Error('the example must be wrong');
    await formula.setValue(bad);
    expect(tile().measures[0]!.expression).toBe(bad);
    expect(formula.attributes('aria-invalid')).toBe('true');
    expect(describedText(formula)).toBe(`Formula: ${parsed.message}.`);
    await formula.setValue('callsByFoo.bar');
    expect(describedText(formula)).toBe('Formula: unknown metric "callsByFoo".');
    await formula.setValue('100 * callsByResult.abandoned / callsByDirection.inbound');
    expect(formula.attributes('aria-invalid')).toBe('false');
  });

  it('switches a KPI to a formula (its own) and back, and inserts a metric built from the vocabulary', async () => {
    const { wrapper, tile } = await editor(demoSettings(), 'abandon-rate');
    const card = measureCard(wrapper, 0);
    expect(byLabel(card, 'KPI').element.value).toBe('abandonRate');
    await byLabel(card, 'A formula of my own').setValue(true);
    expect(tile().measures[0]).toMatchObject({
      expression: '100 * callsByResult.abandoned / callsByDirection.inbound',
      unit: 'percent',
    });
    expect(tile().measures[0]!.kpi).toBeUndefined();
    await byLabel(card, 'Metric').setValue('callsSegmentsDuration');
    await byLabel(card, 'Breakdown').setValue('ringing');
    await byLabel(card, 'Aggregation').setValue('Max');
    expect(card.get('.metric-picker code').text()).toBe('callsSegmentsDuration.ringing@Max/Hour');
    await byLabel(card, 'Formula').setValue('');
    await card
      .findAll('button')
      .find((button) => button.text() === 'Insert into the formula')!
      .trigger('click');
    expect(tile().measures[0]!.expression).toBe('callsSegmentsDuration.ringing@Max/Hour');
    await byLabel(card, 'A named KPI').setValue(true);
    expect(tile().measures[0]).toMatchObject({ kpi: 'offered' });
    expect(tile().measures[0]!.expression).toBeUndefined();
  });

  it('refuses a metric the API would refuse before it can be inserted', async () => {
    const { wrapper } = await editor(demoSettings(), 'call-results');
    const card = measureCard(wrapper, 0);
    await byLabel(card, 'Metric').setValue('queueOpportunities');
    await byLabel(card, 'Aggregation').setValue('Percent');
    const insert = card.findAll('button').find((button) => button.text() === 'Insert into the formula')!;
    expect(insert.attributes('disabled')).toBeDefined();
    expect(describedText(insert)).toContain('queueOpportunities supports Sum only');
  });

  it('adds, reorders and removes measures, keeping at least one', async () => {
    const { wrapper, tile } = await editor(demoSettings(), 'abandon-rate');
    await wrapper.get('[data-testid="add-measure"]').trigger('click');
    expect(tile().measures.map((m) => m.kpi)).toEqual(['abandonRate', 'offered']);
    await wrapper.get('button[aria-label="Move Offered up"]').trigger('click');
    expect(tile().measures.map((m) => m.kpi)).toEqual(['offered', 'abandonRate']);
    expect(wrapper.get('.measures [role="status"]').text()).toBe('Offered is now measure 1.');
    await wrapper.get('button[aria-label="Remove Offered"]').trigger('click');
    expect(tile().measures.map((m) => m.kpi)).toEqual(['abandonRate']);
    expect(wrapper.get('button[aria-label="Remove Abandon rate"]').attributes('disabled')).toBeDefined();
  });

  it('labels, short labels, units and targets, with the contract’s limits', async () => {
    const { wrapper, tile } = await editor(demoSettings(), 'service-level');
    const card = measureCard(wrapper, 0);
    await byLabel(card, 'Short label').setValue('Much too long a label');
    expect(describedText(byLabel(card, 'Short label'))).toBe('Short label must be at most 12 characters.');
    await byLabel(card, 'Short label').setValue('SL');
    await byLabel(card, 'Label').setValue('SLA today');
    await byLabel(card, 'Target').setValue('');
    await byLabel(card, 'Unit').setValue('seconds');
    expect(tile().measures[0]).toMatchObject({ label: 'SLA today', shortLabel: 'SL', unit: 'seconds' });
    expect(tile().measures[0]!.target).toBeUndefined();
    await byLabel(card, 'Label').setValue('');
    expect('label' in tile().measures[0]!).toBe(false);
  });
});

describe('TileEditor: who it counts', () => {
  it('puts the ids of the queues picked by name in the draft, never the names', async () => {
    const { wrapper, tile } = await editor(settingsWith([fromTemplate('queue-overview')]), 'queue-overview');
    expect(tile().query.grouping).toEqual({ kind: 'groupBy', groupBy: 'Queues' });
    const grouping = wrapper.get('.grouping');
    await byLabel(grouping, 'Only the queues chosen').setValue(true);
    await byLabel(grouping, 'Support ext. 102').setValue(true);
    await byLabel(grouping, 'Billing ext. 103').setValue(true);
    expect(tile().query.grouping).toEqual({ kind: 'groupBy', groupBy: 'Queues', keys: ['62002', '62003'] });
    expect(JSON.stringify(tile())).not.toMatch(/Support|Billing/);
    expect(grouping.findAll('.chip span').map((chip) => chip.text())).toEqual([
      'Support (ext. 102)',
      'Billing (ext. 103)',
    ]);
    await byLabel(grouping, 'All queues (also ones added later)').setValue(true);
    expect(tile().query.grouping).toEqual({ kind: 'groupBy', groupBy: 'Queues' });
  });

  it('needs a group for members, says so beside the keys, and is happy once one is picked', async () => {
    const { wrapper, tile } = await editor(
      settingsWith([fromTemplate('agent-leaderboard')]),
      'agent-leaderboard',
    );
    await byLabel(wrapper, 'The members of groups (group by members)').setValue(true);
    expect(tile().query.grouping).toEqual({ kind: 'groupByMembers', groupByMembers: 'Queue', keys: [] });
    const picker = wrapper.get('.grouping .key-picker');
    expect(picker.attributes('aria-invalid')).toBe('true');
    expect(describedText(picker)).toBe('Choose at least one queue.');
    expect(wrapper.get('.tile-editor > [role="status"]').text()).toBe(
      '1 problem in this tile, each shown beside its field.',
    );
    await byLabel(wrapper, 'Members of').setValue('Site');
    expect(tile().query.grouping).toEqual({ kind: 'groupByMembers', groupByMembers: 'Site', keys: [] });
  });

  it('keeps the queues when turning rows of queues into their members', async () => {
    const { wrapper, tile } = await editor(demoSettings(), 'queue-grid');
    await byLabel(wrapper, 'The members of groups (group by members)').setValue(true);
    expect(tile().query.grouping).toEqual({
      kind: 'groupByMembers',
      groupByMembers: 'Queue',
      keys: ['62001', '62002', '62003', '62004'],
    });
  });
});

describe('TileEditor: when it counts', () => {
  it('edits the window, days and hours', async () => {
    const { wrapper, tile } = await editor(demoSettings(), 'abandon-rate');
    await byLabel(wrapper, 'Time window').setValue('rolling');
    expect(tile().query.window).toEqual({ kind: 'rolling', minutes: 60 });
    await byLabel(wrapper, 'Minutes').setValue('2');
    expect(describedText(byLabel(wrapper, 'Minutes'))).toBe('Minutes must be at least 5.');

    await byLabel(wrapper, 'Saturday').setValue(false);
    await byLabel(wrapper, 'Sunday').setValue(false);
    expect(tile().query.includeDays).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']);
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) {
      await byLabel(wrapper, day).setValue(false);
    }
    expect(tile().query.includeDays).toEqual([]);
    expect(wrapper.text()).toContain('Days needs at least 1.');

    await wrapper
      .findAll('button')
      .find((button) => button.text() === 'Add an hours range')!
      .trigger('click');
    expect(tile().query.includeHours).toEqual([{ from: '09:00', to: '17:00' }]);
    await byLabel(wrapper, 'To (range 1)').setValue('12:30');
    expect(tile().query.includeHours).toEqual([{ from: '09:00', to: '12:30' }]);
    await wrapper.get('button[aria-label="Remove hours range 1"]').trigger('click');
    expect(tile().query.includeHours).toBeUndefined();

    await byLabel(wrapper, 'Only RingCentral’s business hours').setValue(true);
    expect(tile().query.businessHoursOnly).toBe(true);
  });

  it('takes a fixed range with the contract’s date-time rule', async () => {
    const { wrapper, tile } = await editor(demoSettings(), 'abandon-rate');
    await byLabel(wrapper, 'Time window').setValue('custom');
    await byLabel(wrapper, 'From').setValue('yesterday');
    expect(describedText(byLabel(wrapper, 'From'))).toBe('From expected an RFC 3339 date-time with offset.');
    await byLabel(wrapper, 'From').setValue('2026-03-02T08:00:00+01:00');
    expect(tile().query.window).toEqual({ kind: 'custom', from: '2026-03-02T08:00:00+01:00', to: null });
  });
});

describe('TileEditor: call filters and refresh', () => {
  it('sets and clears filters from the vocabulary', async () => {
    const { wrapper, tile } = await editor(demoSettings(), 'abandon-rate');
    const filters = wrapper.get('.filters');
    const direction = filters.findAll('fieldset').find((set) => set.get('legend').text() === 'Direction')!;
    await byLabel(direction, 'Inbound').setValue(true);
    expect(tile().query.callFilters).toEqual({ directions: ['Inbound'] });
    expect(filters.get('summary').text()).toBe('Call filters (1 set)');
    const result = filters.findAll('fieldset').find((set) => set.get('legend').text() === 'Result')!;
    await byLabel(result, 'Answered elsewhere').setValue(true);
    expect(tile().query.callFilters).toEqual({ directions: ['Inbound'], callResults: ['AnsweredElsewhere'] });
    await byLabel(direction, 'Inbound').setValue(false);
    await byLabel(result, 'Answered elsewhere').setValue(false);
    expect(tile().query.callFilters).toBeUndefined();
  });

  it('filters by call duration and segment length', async () => {
    const { wrapper, tile } = await editor(demoSettings(), 'abandon-rate');
    await byLabel(wrapper, 'Call duration at least (seconds)').setValue('30');
    expect(tile().query.callFilters).toEqual({ callDuration: { minSeconds: 30 } });
    await wrapper
      .findAll('button')
      .find((button) => button.text() === 'Add a segment')!
      .trigger('click');
    await byLabel(wrapper, 'Segment 1').setValue('Hold');
    await byLabel(wrapper, 'Lasting at most (seconds)').setValue('60');
    expect(tile().query.callFilters?.callSegments).toEqual([{ segment: 'Hold', length: { maxSeconds: 60 } }]);
    await byLabel(wrapper, 'Call duration at least (seconds)').setValue('');
    expect(tile().query.callFilters?.callDuration).toBeUndefined();
  });

  it('refreshes on the polling setting when empty, and says what is allowed', async () => {
    const { wrapper, tile } = await editor(demoSettings(), 'abandon-rate');
    const refresh = byLabel(wrapper, 'Refresh every (seconds)');
    await refresh.setValue('10');
    expect(tile().refreshSeconds).toBe(10);
    expect(describedText(refresh)).toBe('Refresh every (seconds) must be at least 15.');
    await refresh.setValue('');
    expect('refreshSeconds' in tile()).toBe(false);
    expect(describedText(refresh)).toContain('Empty: the polling setting');
  });
});

describe('TileEditor: type and options', () => {
  it('offers the leaderboard’s own options from its descriptor', async () => {
    const { wrapper, tile } = await editor(demoSettings(), 'agents', 1);
    const order = byLabel(wrapper, 'Order');
    expect(order.findAll('option').map((option) => option.text())).toEqual(['Highest first', 'Lowest first']);
    await order.setValue('asc');
    const limit = byLabel(wrapper, 'Agents shown');
    await limit.setValue('60');
    expect(describedText(limit)).toBe('Agents shown must be at most 50.');
    const sortBy = byLabel(wrapper, 'Rank by measure');
    expect(sortBy.findAll('option').map((option) => option.text())).toEqual([
      'The first measure',
      'Answered',
      'Agent answer rate',
      'Avg handle time',
    ]);
    await sortBy.setValue('aht');
    expect(tile()).toMatchObject({ order: 'asc', limit: 60, sortBy: 'aht' });
    await sortBy.setValue('');
    expect('sortBy' in tile()).toBe(false);
  });

  it('changes the type, keeping the query and measures and taking the new type’s defaults', async () => {
    const { wrapper, tile } = await editor(demoSettings(), 'service-level');
    const before = JSON.parse(JSON.stringify(tile())) as DataTile;
    await byLabel(wrapper, 'Type').setValue('gauge');
    expect(tile()).toMatchObject({
      type: 'gauge',
      min: 0,
      max: 100,
      query: before.query,
      measures: before.measures,
    });
    expect('compareYesterday' in tile()).toBe(false);
    expect(byLabel(wrapper, 'Highest value on the arc').element.value).toBe('100');
    expect(
      byLabel(wrapper, 'Type')
        .findAll('option')
        .map((option) => option.text()),
    ).not.toContain('Clock');
  });

  it('edits a text tile’s own options and the title, with no query to show', async () => {
    const { wrapper, tile } = await editor(demoSettings(), 'welcome', 1);
    await byLabel(wrapper, 'Text').setValue('Fire drill at 3 pm');
    await byLabel(wrapper, 'Scroll as a ticker').setValue(false);
    await byLabel(wrapper, 'Title').setValue(' ');
    expect(tile()).toMatchObject({ type: 'text', text: 'Fire drill at 3 pm', ticker: false, title: ' ' });
    expect(describedText(byLabel(wrapper, 'Title'))).toBe('Title must not be empty.');
    expect(wrapper.find('.measures').exists()).toBe(false);
    expect(wrapper.find('.grouping').exists()).toBe(false);
    expect(
      byLabel(wrapper, 'Type')
        .findAll('option')
        .map((option) => option.text()),
    ).toEqual(['Clock', 'Text or ticker']);
  });
});
