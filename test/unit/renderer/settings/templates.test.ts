import { describe, expect, it } from 'vitest';
import { BoardSchema, TileSchema } from '../../../../contract/board';
import { IdSchema, TILE_TYPES } from '../../../../contract/tile-types';
import { TILE_TEMPLATES, templateById } from '../../../../renderer/src/settings/templates';
import { demoSettings } from './editor-fixtures';

/** The tiles a supervisor starts from: each one complete and valid, where the board editor put it. */

const context = (id: string, w = 3, h = 2) => ({ id, layout: { x: 1, y: 1, w, h } });

describe('tile templates', () => {
  it.each(TILE_TEMPLATES.map((template) => [template.id, template] as const))(
    '%s makes a tile the contract accepts as it is',
    (_id, template) => {
      const tile = template.make(context('new-tile', template.size.w, template.size.h));
      const parsed = TileSchema.safeParse(tile);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      // Complete already: parsing adds no default the template forgot.
      expect(parsed.data).toEqual(tile);
      expect(tile.type).toBe(template.type);
    },
  );

  it.each(TILE_TEMPLATES.map((template) => [template.id, template] as const))(
    '%s fits a board of the default grid on its own, in its own size',
    (_id, template) => {
      const board = structuredClone(demoSettings().boards[0]!);
      const { w, h } = template.size;
      board.tiles = [template.make({ id: 'only', layout: { x: 0, y: 0, w, h } })];
      const parsed = BoardSchema.safeParse(board);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(Number.isInteger(w) && Number.isInteger(h) && w >= 1 && h >= 1).toBe(true);
    },
  );

  it('put the tile at the id and place given', () => {
    for (const template of TILE_TEMPLATES) {
      const tile = template.make(context('queues-2', 2, 1));
      expect(tile.id).toBe('queues-2');
      expect(tile.layout).toEqual({ x: 1, y: 1, w: 2, h: 1 });
    }
  });

  it('make a fresh tile each time (editing one never changes the next)', () => {
    const template = templateById('queue-overview')!;
    const first = template.make(context('a'));
    const second = template.make(context('b'));
    first.title = 'Changed';
    if ('query' in first) first.query.grouping = { kind: 'groupBy', groupBy: 'Users', keys: ['1'] };
    expect(second.title).toBe('Queues');
    expect('query' in second && second.query.grouping).toEqual({ kind: 'groupBy', groupBy: 'Queues' });
  });

  it('have unique ids usable as tile ids, labels and descriptions', () => {
    const ids = TILE_TEMPLATES.map((template) => template.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const template of TILE_TEMPLATES) {
      expect(IdSchema.safeParse(template.id).success).toBe(true);
      expect(template.label.length).toBeGreaterThan(0);
      expect(template.description.length).toBeGreaterThan(20);
    }
  });

  it('cover every tile type and what supervisors ask for first', () => {
    expect(new Set(TILE_TEMPLATES.map((template) => template.type))).toEqual(new Set(TILE_TYPES));
    expect(ids()).toEqual(
      expect.arrayContaining([
        'queue-overview',
        'sla-gauge',
        'abandon-rate',
        'hourly-volume',
        'agent-leaderboard',
        'team-totals',
        'answered-split',
        'clock',
        'ticker',
        'data-tile',
      ]),
    );
  });

  it('carry the thresholds a contact centre expects', () => {
    const abandon = templateById('abandon-rate')!.make(context('a', 1, 1));
    const sla = templateById('sla-gauge')!.make(context('s', 1, 1));
    expect('measures' in abandon && abandon.measures[0]).toMatchObject({
      kpi: 'abandonRate',
      thresholds: { direction: 'above', warn: 5, critical: 10 },
    });
    expect('measures' in sla && sla.measures[0]).toMatchObject({
      kpi: 'serviceLevel',
      thresholds: { direction: 'below', warn: 80, critical: 70 },
      target: 80,
    });
    const timeline = templateById('hourly-volume')!.make(context('t'));
    expect(timeline).toMatchObject({ type: 'timeline', interval: 'Hour', overlayYesterday: true });
  });
});

function ids(): string[] {
  return TILE_TEMPLATES.map((template) => template.id);
}
