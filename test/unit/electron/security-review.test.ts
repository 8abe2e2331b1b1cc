import { describe, expect, it } from 'vitest';
import { parseFindings, unexplained } from '../../../main/launch/security-review';

/** npm run test:electronegativity: reading electronegativity's findings, and which the docs leave unexplained. */

describe('the electronegativity review', () => {
  const csv = [
    'issue, severity, confidence, filename, location, sample',
    'CSP_GLOBAL_CHECK,"LOW","FIRM","renderer/index.html","5:0","default-src \'self\'; x, y"',
    'OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","main/electron/external-links.ts","65:7","shell.openExternal(""x"")"',
    'CONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","main/electron/board-window.ts","47:17","new BrowserWindow(options)"',
  ].join('\n');

  it('reads the CSV, quoted commas and quotes included', () => {
    expect(parseFindings(csv)).toEqual([
      { check: 'CSP_GLOBAL_CHECK', severity: 'LOW', file: 'renderer/index.html', location: '5:0' },
      {
        check: 'OPEN_EXTERNAL_JS_CHECK',
        severity: 'MEDIUM',
        file: 'main/electron/external-links.ts',
        location: '65:7',
      },
      {
        check: 'CONTEXT_ISOLATION_JS_CHECK',
        severity: 'HIGH',
        file: 'main/electron/board-window.ts',
        location: '47:17',
      },
    ]);
  });

  it('names the HIGH and MEDIUM checks the docs’ desktop section does not explain', () => {
    const docs =
      '# Security\nOPEN_EXTERNAL_JS_CHECK above the section\n## The desktop app (Electron)\nCONTEXT_ISOLATION_JS_CHECK: handled';
    expect(unexplained(parseFindings(csv), docs)).toEqual(['OPEN_EXTERNAL_JS_CHECK']);
  });
});
