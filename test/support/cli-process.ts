import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { waitFor } from './wait-for';

/**
 * A command-line entry point run the way a user runs it: a real child process in the project folder,
 * its own process group (so stopping it reaches the program behind npm/npx and tsx), stdout and
 * stderr collected together.
 */
export interface CliProcess {
  /** Everything it has printed so far. */
  output(): string;
  /** SIGTERM to the whole group; resolves once it has exited. */
  stop(): Promise<void>;
  /** SIGKILL to the whole group (a crash: no handler runs); resolves once it has exited. */
  kill(): Promise<void>;
}

const root = resolve(__dirname, '../..');

/** Starts `command args…` and waits until it prints `readyText` (the last line of its banner). */
export async function startCli(
  command: string,
  args: readonly string[],
  options: { readyText: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<CliProcess> {
  const child = spawn(command, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: options.env ?? process.env,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const signal = (name: NodeJS.Signals) => async () => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    const exited = once(child, 'exit');
    process.kill(-child.pid, name);
    await exited;
  };
  const stop = signal('SIGTERM');
  await waitFor(
    () => {
      if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited early:\n${output}`);
      // Banner lines may arrive in separate chunks on a busy machine: wait for the last one.
      return output.includes(options.readyText);
    },
    { timeoutMs: options.timeoutMs ?? 30_000, intervalMs: 100, explain: () => output },
  );
  return { output: () => output, stop, kill: signal('SIGKILL') };
}
