import { describeIssue } from '../../contract/describe-issue';
import {
  INVOKE_CHANNELS,
  isInvokeChannel,
  type InvokeChannel,
  type InvokeResult,
} from '../../contract/bridge';
import { errorText } from '../../contract/error-text';

/**
 * One entry point for Bridge invokes from either host (Electron IPC, hub HTTP): the channel name and
 * payload arrive as `unknown`, are validated against the contract, and any failure comes back as a
 * message in the user's terms; a handler's exception never crosses the boundary as a stack trace.
 */

export type InvokeHandlers = {
  [C in InvokeChannel]: (request: never) => unknown;
};

export async function dispatchInvoke(
  handlers: InvokeHandlers,
  channel: unknown,
  request: unknown,
  log: (line: string) => void,
): Promise<InvokeResult<InvokeChannel>> {
  if (!isInvokeChannel(channel)) return { ok: false, error: `Unknown channel "${String(channel)}"` };
  const parsed = INVOKE_CHANNELS[channel].request.safeParse(request);
  if (!parsed.success)
    return { ok: false, error: `Invalid ${channel} request: ${describeIssue(parsed.error)}` };
  try {
    const handler = handlers[channel] as (request: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value } as InvokeResult<InvokeChannel>;
  } catch (error) {
    const message = errorText(error);
    log(`${channel} failed: ${message}`);
    return { ok: false, error: message };
  }
}
