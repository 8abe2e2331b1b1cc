import type { z } from 'zod';

/** An API error as RingCentral sends it: `{errors: [{errorCode, message, parameterName?}]}`. */
export interface ApiErrorEntry {
  errorCode: string;
  message: string;
  parameterName?: string;
  parameterValue?: string;
  permissionName?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: ApiErrorEntry[],
    readonly headers: Record<string, string> = {},
    /** Top-level fields some errors repeat beside `errors` (a missing permission's `permissionName`). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(errors.map((e) => e.message).join('; '));
  }

  body(): { errors: ApiErrorEntry[] } {
    return { ...this.extra, errors: this.errors };
  }
}

/** 400 CMN-101 naming one parameter. */
export function invalidParameter(parameterName: string, detail: string, value?: unknown): ApiError {
  const entry: ApiErrorEntry = {
    errorCode: 'CMN-101',
    message: `Parameter [${parameterName}] value is invalid: ${detail}`,
    parameterName,
  };
  if (value !== undefined) entry.parameterValue = typeof value === 'string' ? value : JSON.stringify(value);
  return new ApiError(400, [entry]);
}

/** `a.b[0].c` from a zod issue path. */
export function parameterPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Every zod issue as a CMN-101 entry (the API may list several). */
export function fromZodError(error: z.ZodError, prefix = ''): ApiError {
  const entries = error.issues.slice(0, 20).map((issue): ApiErrorEntry => {
    const parameterName = parameterPath(issue.path, prefix) || '(body)';
    return {
      errorCode: 'CMN-101',
      message: `Parameter [${parameterName}] value is invalid: ${issue.message}`,
      parameterName,
    };
  });
  return new ApiError(400, entries);
}
