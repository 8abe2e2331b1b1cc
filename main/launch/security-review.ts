import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * `npm run test:electronegativity`: Doyensec's electronegativity over the desktop app's source (main,
 * preload, renderer) in one scan, so its global checks (navigation limits, permission handler, CSP)
 * see the whole app. electronegativity takes a single input, so the three folders are copied into
 * one temporary folder first. Every HIGH or MEDIUM finding must be named, with why it is handled or
 * not applicable, in docs/security.md's desktop section; an unexplained one fails the run.
 */

const root = resolve(import.meta.dirname, '../..');
const SECTION = '## The desktop app (Electron)';

export interface Finding {
  check: string;
  severity: string;
  file: string;
  location: string;
}

/** electronegativity's CSV: a header line, then quoted fields that may hold commas and "" quotes. */
export function parseFindings(csv: string): Finding[] {
  const rows = csv.split(/\r?\n/).slice(1).filter(Boolean).map(parseCsvLine);
  return rows.map(([check = '', severity = '', , file = '', location = '']) => ({
    check,
    severity,
    file,
    location,
  }));
}

function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line.charAt(index);
    if (quoted && char === '"' && line[index + 1] === '"') {
      field += '"';
      index++;
    } else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      fields.push(field.trim());
      field = '';
    } else field += char;
  }
  fields.push(field.trim());
  return fields;
}

/** The checks a findings list has that the docs' desktop section does not name. */
export function unexplained(findings: readonly Finding[], docs: string): string[] {
  const start = docs.indexOf(SECTION);
  const section = start < 0 ? '' : docs.slice(start);
  const serious = findings.filter((finding) => finding.severity === 'HIGH' || finding.severity === 'MEDIUM');
  return [...new Set(serious.map((finding) => finding.check))].filter((check) => !section.includes(check));
}

async function review(): Promise<number> {
  const scan = await mkdtemp(join(tmpdir(), 'callboard-electronegativity-'));
  try {
    for (const folder of ['main', 'preload', 'renderer', 'package.json'])
      await cp(join(root, folder), join(scan, folder), {
        recursive: true,
        filter: (path) => !path.includes('node_modules'),
      });
    const electron = JSON.parse(await readFile(join(root, 'node_modules/electron/package.json'), 'utf8')) as {
      version: string;
    };
    const output = join(scan, 'findings.csv');
    const run = spawnSync(
      join(root, 'node_modules/.bin/electronegativity'),
      ['-i', scan, '-e', electron.version, '-r', '-v', 'false', '-o', output],
      { encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (run.status !== 0) return run.status ?? 1;
    const findings = parseFindings(await readFile(output, 'utf8'));
    const missing = unexplained(findings, await readFile(join(root, 'docs/security.md'), 'utf8'));
    for (const finding of findings)
      console.log(
        `${finding.severity.padEnd(7)} ${finding.check.padEnd(42)} ${finding.file}:${finding.location}`,
      );
    if (missing.length === 0) {
      console.log(
        `\nEvery HIGH and MEDIUM finding is explained in docs/security.md ("${SECTION.slice(3)}").`,
      );
      return 0;
    }
    console.error(`\nNot explained in docs/security.md ("${SECTION.slice(3)}"): ${missing.join(', ')}`);
    return 1;
  } finally {
    await rm(scan, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  void review().then((code) => process.exit(code));
}
