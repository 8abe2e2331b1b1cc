import { spawnSync } from 'node:child_process';

/** Commands run one after another with the terminal attached, stopping at the first that fails. */

export interface Step {
  /** What the step does, said before it runs. */
  title: string;
  command: string;
  args: string[];
}

export function runSteps(steps: readonly Step[], run = defaultRun): number {
  for (const step of steps) {
    console.error(`[callboard] ${step.title}`);
    const status = run(step);
    if (status !== 0) {
      console.error(`[callboard] stopped: "${step.command} ${step.args.join(' ')}" exited with ${status}`);
      return status;
    }
  }
  return 0;
}

function defaultRun(step: Step): number {
  const result = spawnSync(step.command, step.args, { stdio: 'inherit' });
  return result.status ?? 1;
}
