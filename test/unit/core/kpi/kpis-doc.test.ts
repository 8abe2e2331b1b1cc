import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { KPI_IDS, KPIS } from '../../../../contract/kpis';

/** docs/kpis.md documents every named KPI with the formula the engine actually evaluates. */

const doc = await readFile(new URL('../../../../docs/kpis.md', import.meta.url), 'utf8');

describe('docs/kpis.md', () => {
  it.each(KPI_IDS)('lists %s with its label, formula and unit', (id) => {
    const { label, expression, unit } = KPIS[id];
    const line = doc.split('\n').find((text) => text.startsWith(`| \`${id}\``));
    expect(line, `no table row for ${id}`).toBeDefined();
    const cells = (line ?? '').split('|').map((cell) => cell.trim());
    expect(cells).toContain(label);
    expect(cells.some((cell) => cell.startsWith(`\`${expression}\``))).toBe(true);
    expect(cells).toContain(unit);
  });

  it('documents the filter of every KPI that has one', () => {
    for (const id of KPI_IDS) {
      for (const [field, values] of Object.entries(KPIS[id].filters ?? {})) {
        expect(doc).toContain(`${field}: ${JSON.stringify(values)}`);
      }
    }
  });
});
