import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BoardSchema,
  MeasureSchema,
  TileQuerySchema,
  TileSchema,
  TimeWindowSchema,
} from '../../../../contract/board';
import { DisplaySchema } from '../../../../contract/display';
import { KPI_IDS } from '../../../../contract/kpis';
import { PollingSchema, SettingsSchema } from '../../../../contract/settings';
import { importBoard } from '../../../../main/core/settings/board-files';
import { SettingsService } from '../../../../main/core/settings/settings-store';
import { demoSettings, demoScope } from '../../../support/demo';

/** docs/configuration.md: its examples load as they stand, and it documents every field there is. */

const doc = await readFile(new URL('../../../../docs/configuration.md', import.meta.url), 'utf8');

function example(marker: string): string {
  const match = new RegExp(`<!-- example: ${marker} -->\\s*\`\`\`json\\n([\\s\\S]*?)\\n\`\`\``).exec(doc);
  if (!match?.[1]) throw new Error(`docs/configuration.md has no "${marker}" example`);
  return match[1];
}

const mentioned = (name: string) => doc.includes(`\`${name}\``);

describe('docs/configuration.md', () => {
  it('has a settings.json example that loads without a notice', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'callboard-doc-')), 'settings.json');
    const text = example('settings.json');
    await writeFile(path, text);
    const { settings, notice } = await new SettingsService(path, demoScope('UTC')).load();
    expect(notice).toBeNull();
    expect(settings.boards.map((b) => b.id)).toEqual(
      JSON.parse(text).boards.map((b: { id: string }) => b.id),
    );
    expect(settings.boards[0]?.tiles.length).toBe(JSON.parse(text).boards[0].tiles.length);
  });

  it('has a board file example that imports', () => {
    const text = example('board file');
    const imported = importBoard(demoSettings('UTC'), text);
    expect(imported.boards.at(-1)?.id).toBe(JSON.parse(text).board.id);
  });

  it('documents every field of the settings, boards, tiles, queries and measures', () => {
    const objects = [
      SettingsSchema,
      BoardSchema,
      DisplaySchema,
      PollingSchema,
      TileQuerySchema,
      MeasureSchema,
    ];
    const fields = [...objects, ...TileSchema.options].flatMap((schema) => Object.keys(schema.shape));
    expect(fields.length).toBeGreaterThan(40);
    expect(fields.filter((field) => !mentioned(field))).toEqual([]);
  });

  it('documents every tile type, time window and KPI', () => {
    const types = TileSchema.options.map((option) => option.shape.type.value);
    const windows = TimeWindowSchema.options.map((option) => option.shape.kind.value);
    expect(types.filter((type) => !mentioned(type))).toEqual([]);
    expect(windows.filter((kind) => !doc.includes(`"kind": "${kind}"`))).toEqual([]);
    expect(KPI_IDS.filter((id) => !mentioned(id))).toEqual([]);
  });
});
