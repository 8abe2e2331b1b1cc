import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import {
  INVOKE_CHANNELS,
  isInvokeChannel,
  type InvokeChannel,
  type InvokeResult,
} from '../../contract/bridge';
import { IPC_INVOKE } from '../../contract/channels';
import { describeIssue } from '../../contract/describe-issue';
import type { ScreenCore } from '../core/core-api';
import { pageOf, type PageOrigin } from './app-pages';
import type { WindowRole, WindowRoles } from './window-roles';

/**
 * Electron's transport for the Bridge: one `ipcMain.handle` for every invoke. Before the core sees
 * anything, the sender must be the top frame of one of our own windows, still showing the page that
 * window was opened with (not a subframe, not a window that navigated elsewhere, not DevTools or a
 * stray webContents); the channel must be one of the contract's, allowed for that window (only the
 * settings window changes settings or the account); and the payload must match the contract's schema.
 */

export type SenderVerdict = { ok: true; role: WindowRole } | { ok: false; reason: string };

export function checkSender(
  event: IpcMainInvokeEvent,
  roles: WindowRoles,
  origin: PageOrigin,
): SenderVerdict {
  const frame = event.senderFrame;
  if (!frame) return { ok: false, reason: 'the sending frame is gone' };
  if (frame.parent !== null || frame !== event.sender.mainFrame)
    return { ok: false, reason: 'a subframe may not use the Bridge' };
  const role = roles.roleOf(event.sender);
  if (!role) return { ok: false, reason: 'the sender is not a Callboard window' };
  if (pageOf(frame.url, origin) !== role)
    return { ok: false, reason: `the ${role} window is no longer showing its own page` };
  return { ok: true, role };
}

export type RequestVerdict = { ok: true; channel: InvokeChannel } | { ok: false; error: string };

export function checkRequest(role: WindowRole, channel: unknown, request: unknown): RequestVerdict {
  if (!isInvokeChannel(channel)) return { ok: false, error: `Unknown channel "${String(channel)}"` };
  const spec = INVOKE_CHANNELS[channel];
  if (spec.admin && role !== 'settings')
    return { ok: false, error: `Refused: ${channel} is only available in Callboard's settings window` };
  const parsed = spec.request.safeParse(request);
  if (!parsed.success)
    return { ok: false, error: `Invalid ${channel} request: ${describeIssue(parsed.error)}` };
  return { ok: true, channel };
}

export interface IpcOptions {
  core: Pick<ScreenCore, 'invoke'>;
  roles: WindowRoles;
  origin: PageOrigin;
  log: (line: string) => void;
}

export function handleInvoke(
  options: IpcOptions,
  event: IpcMainInvokeEvent,
  channel: unknown,
  request: unknown,
): Promise<InvokeResult<InvokeChannel>> {
  const sender = checkSender(event, options.roles, options.origin);
  if (!sender.ok) {
    options.log(`security: refused a Bridge call (${sender.reason})`);
    return Promise.resolve({ ok: false, error: 'Refused: the request did not come from a Callboard window' });
  }
  const checked = checkRequest(sender.role, channel, request);
  if (!checked.ok) return Promise.resolve({ ok: false, error: checked.error });
  // The core validates the payload again itself (it serves the hub too): the same schema, so no surprise.
  return options.core.invoke(checked.channel, request, { screenId: `window-${event.sender.id}` });
}

export function setupIpc(options: IpcOptions): () => void {
  ipcMain.handle(IPC_INVOKE, (event, channel: unknown, request: unknown) =>
    handleInvoke(options, event, channel, request),
  );
  return () => ipcMain.removeHandler(IPC_INVOKE);
}
