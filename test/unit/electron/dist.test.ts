import { describe, expect, it, vi } from 'vitest';
import { checkDesktopBinary } from '../../../main/launch/desktop-binary';
import { distSteps } from '../../../main/launch/dist-desktop';
import { runSteps } from '../../../main/launch/run-steps';

/** npm run dist explains what it needs, and runs its steps in order. */

const missing = {
  resolve: () => {
    throw new Error('Electron failed to install correctly');
  },
  exists: () => false,
};

describe('npm run dist', () => {
  it('says packaging needs the Electron binary and the internet, and that npm run serve needs neither', () => {
    const check = checkDesktopBinary(missing, 'dist');
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.message).toContain('npm run dist cannot package the desktop app here');
    expect(check.message).toContain('downloads the Electron build of every target');
    expect(check.message).toContain('npm run serve');
  });

  it('builds, makes the icons, then packages, passing its arguments to electron-builder', () => {
    const steps = distSteps(['--linux']);
    expect(steps.map((step) => step.args[0])).toEqual([
      'electron-vite',
      'build/icons.mjs',
      'electron-builder',
    ]);
    expect(steps[2]?.args).toEqual(['electron-builder', '--config', 'electron-builder.yml', '--linux']);
  });

  it('stops at the first step that fails and returns its status', () => {
    const run = vi.fn((step: { command: string }) => (step.command === 'b' ? 3 : 0));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const steps = ['a', 'b', 'c'].map((command) => ({ title: command, command, args: [] }));
    expect(runSteps(steps, run)).toBe(3);
    expect(run.mock.calls.map(([step]) => step.command)).toEqual(['a', 'b']);
  });
});
