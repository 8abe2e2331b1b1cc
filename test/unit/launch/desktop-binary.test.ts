import { describe, expect, it } from 'vitest';
import { checkDesktopBinary } from '../../../main/launch/desktop-binary';

/** `npm start` explains a missing Electron binary instead of failing with a stack trace. */

describe('checkDesktopBinary', () => {
  it('finds an installed binary', () => {
    const check = checkDesktopBinary({ resolve: () => '/opt/electron', exists: () => true });
    expect(check).toEqual({ ok: true, path: '/opt/electron' });
  });

  it('says the binary was never downloaded, how to get it, and that the hub shows the board', () => {
    const check = checkDesktopBinary({
      resolve: () => {
        throw new Error('Electron failed to install correctly');
      },
      exists: () => true,
    });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.message).toContain('the Electron binary is not installed (it was never downloaded)');
    expect(check.message).toContain('node node_modules/electron/install.js');
    expect(check.message).toContain('npm run serve');
    expect(check.message).not.toMatch(/uninstall|at Object\./);
  });

  it('names a binary that is recorded but gone', () => {
    const check = checkDesktopBinary({ resolve: () => '/opt/electron', exists: () => false });
    expect(check.ok === false && check.message).toContain('/opt/electron does not exist');
  });
});
