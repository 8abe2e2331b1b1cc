/**
 * The message of anything thrown, for a log line or a reply: an Error's message, else the thrown
 * value as text. Code that catches `unknown` uses this instead of casting to Error, which would
 * read `undefined` from a thrown string or object.
 */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- JSON.stringify gives undefined for undefined and functions, whatever lib.d.ts says
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}
