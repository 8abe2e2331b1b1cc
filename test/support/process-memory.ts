import { readdir, readFile } from 'node:fs/promises';

/**
 * A child program's memory as the operating system sees it (Linux /proc), for a program that runs
 * behind launchers (npx → tsx → node), whose own heap statistics are out of reach. The program is
 * found in the process group its launcher was started in (a `detached` spawn: the group id is the
 * launcher's pid) by its command line, and is the largest such process: the launchers are small.
 */

export interface ProcessMemory {
  pid: number;
  /** Resident set size, bytes (VmRSS). */
  rss: number;
  cmdline: string;
}

/** Every live process in process group `group` whose command line contains `script`. */
export async function groupProcesses(group: number, script: string): Promise<ProcessMemory[]> {
  const found: ProcessMemory[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (pgrp !== group) continue;
      const cmdline = (await readFile(`/proc/${entry}/cmdline`, 'utf8')).split('\0').join(' ').trim();
      if (!cmdline.includes(script)) continue;
      found.push({ pid: Number(entry), rss: await residentBytes(Number(entry)), cmdline });
    } catch {
      // The process ended between the listing and the read (or is a zombie with no resident size).
    }
  }
  return found;
}

/** The largest process of `group` running `script`; throws when there is none. */
export async function largestInGroup(group: number, script: string): Promise<ProcessMemory> {
  const found = await groupProcesses(group, script);
  if (found.length === 0) throw new Error(`no process in group ${group} runs ${script}`);
  return found.reduce((largest, next) => (next.rss > largest.rss ? next : largest));
}

/** VmRSS of one process, bytes. */
export async function residentBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  if (kb === undefined) throw new Error(`process ${pid} has no resident size (exited?)`);
  return Number(kb) * 1024;
}

/**
 * The resident size once it has stopped moving: read every `intervalMs` until the last `samples`
 * readings lie within `toleranceBytes` of each other (or `timeoutMs` passes), so a heap the program
 * is still growing or giving back after a burst is not caught mid-way. Returns the last reading.
 */
export async function settledResidentBytes(
  pid: number,
  options: { intervalMs?: number; samples?: number; toleranceBytes?: number; timeoutMs?: number } = {},
): Promise<number> {
  const intervalMs = options.intervalMs ?? 500;
  const samples = options.samples ?? 4;
  const tolerance = options.toleranceBytes ?? 1024 * 1024;
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  const readings: number[] = [await residentBytes(pid)];
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    readings.push(await residentBytes(pid));
    const last = readings.slice(-samples);
    const steady = last.length === samples && Math.max(...last) - Math.min(...last) < tolerance;
    if (steady || Date.now() > deadline) return readings[readings.length - 1]!;
  }
}

export const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
