import type { z } from 'zod';

/**
 * Validation problems in the user's words, each tied to the field it is about. The contract's schema
 * is the one judge (the same one the core applies on save); this only words its findings and finds
 * the ones that belong to a field on screen.
 */

export type FieldPath = ReadonlyArray<string | number>;

export interface FieldProblem {
  path: FieldPath;
  message: string;
}

export function problemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'number' ? part : String(part))),
    message: wordsFor(issue),
  }));
}

function wordsFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number') return `must be at least ${String(issue.minimum)}`;
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? 'must not be empty'
          : `needs at least ${String(issue.minimum)} characters`;
      if (issue.origin === 'array') return `needs at least ${String(issue.minimum)}`;
      return issue.message;
    case 'too_big':
      if (issue.origin === 'number') return `must be at most ${String(issue.maximum)}`;
      if (issue.origin === 'string') return `must be at most ${String(issue.maximum)} characters`;
      if (issue.origin === 'array') return `may have at most ${String(issue.maximum)}`;
      return issue.message;
    case 'invalid_type':
      return issue.expected === 'number' ? 'must be a number' : 'is missing or of the wrong kind';
    case 'invalid_value':
      return 'is not one of the choices';
    default:
      return issue.message;
  }
}

/** The problems at `path` exactly (a field), or under it when `within` (a section). */
export function problemsAt(
  problems: readonly FieldProblem[],
  path: FieldPath,
  within = false,
): FieldProblem[] {
  return problems.filter((problem) => {
    if (within ? problem.path.length < path.length : problem.path.length !== path.length) return false;
    return path.every((part, index) => problem.path[index] === part);
  });
}

/** `boards[0].tiles[2].title` → "Board 1, tile 3: title". */
export function describePath(path: FieldPath, names: { board?: (index: number) => string } = {}): string {
  const parts: string[] = [];
  for (let index = 0; index < path.length; index++) {
    const part = path[index];
    const next = path[index + 1];
    if (part === 'boards' && typeof next === 'number') {
      parts.push(names.board?.(next) ?? `Board ${next + 1}`);
      index++;
    } else if (part === 'tiles' && typeof next === 'number') {
      parts.push(`tile ${next + 1}`);
      index++;
    } else if (part === 'measures' && typeof next === 'number') {
      parts.push(`measure ${next + 1}`);
      index++;
    } else if (typeof part === 'string') {
      parts.push(part);
    }
  }
  return parts.join(' › ');
}
