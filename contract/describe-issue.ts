import type { z } from 'zod';

/**
 * One line naming the field a schema refused and why, e.g. `boards[0].tiles[2].layout: lies outside
 * the 6×4 grid`. Used wherever user input is validated: settings, imported boards, IPC and hub calls.
 */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue?.path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('');
  const more =
    error.issues.length > 1
      ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})`
      : '';
  return `${path ? path.slice(path.startsWith('.') ? 1 : 0) : '(document)'}: ${issue?.message ?? 'is invalid'}${more}`;
}
