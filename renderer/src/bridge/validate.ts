import type { z } from 'zod';
import {
  INVOKE_CHANNELS,
  type InvokeChannel,
  type InvokeResponse,
  type InvokeResult,
} from '../../../contract/bridge';
import { BoardSnapshotSchema, type BoardSnapshot } from '../../../contract/snapshot';

/**
 * Both transports check everything that arrives against the shared contract. A bad snapshot is
 * dropped with a warning (the board keeps the last good one); it is an expected situation during
 * upgrades, so it never logs an error.
 */

export function parseSnapshot(data: unknown, source: string): BoardSnapshot | null {
  const parsed = BoardSnapshotSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  console.warn(
    `Callboard: ignored a snapshot from ${source} that does not match the contract:`,
    summarise(parsed.error),
  );
  return null;
}

/** An invoke answer as the contract describes it, or an error in the user's terms. */
export function parseInvokeResult<C extends InvokeChannel>(channel: C, data: unknown): InvokeResult<C> {
  if (typeof data === 'object' && data !== null && 'ok' in data) {
    const record = data as { ok: unknown; value?: unknown; error?: unknown };
    if (record.ok === false) {
      return { ok: false, error: typeof record.error === 'string' ? record.error : 'The request failed.' };
    }
    if (record.ok === true) {
      const parsed = INVOKE_CHANNELS[channel].response.safeParse(record.value);
      if (parsed.success) return { ok: true, value: parsed.data as InvokeResponse<C> };
      console.warn(
        `Callboard: the answer to ${channel} does not match the contract:`,
        summarise(parsed.error),
      );
    }
  }
  return { ok: false, error: `Callboard could not understand the answer to ${channel}.` };
}

function summarise(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
