import { STATUS_CODES } from 'node:http';
import type { ApiResponse } from '../poller/transport';

/**
 * RingCentral's own reason for a refused request, for people. The SDK's `e.message` says only
 * "400 Bad Request"; the body says which field and why:
 * `{"errors":[{"errorCode":"CMN-101","message":"…","parameterName":"timeSettings.timeZone"}]}`.
 */

interface ErrorEntry {
  errorCode?: unknown;
  message?: unknown;
  parameterName?: unknown;
}

/** e.g. `timeSettings.timeZone: is not an IANA time zone name (CMN-101)`; entries joined by "; ". */
export function apiErrorMessage(response: Pick<ApiResponse, 'status' | 'body'>): string {
  const entries = errorEntries(response.body);
  if (entries.length > 0) return entries.map(describeEntry).join('; ');
  return statusDescription(response.status);
}

/** "HTTP 503 Service Unavailable": the fallback when the body carries no errors[]. */
export function statusDescription(status: number): string {
  const text = STATUS_CODES[status];
  return text ? `HTTP ${status} ${text}` : `HTTP ${status}`;
}

function errorEntries(body: unknown): ErrorEntry[] {
  if (typeof body !== 'object' || body === null) return [];
  const errors = (body as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return [];
  return errors.filter((entry): entry is ErrorEntry => typeof entry === 'object' && entry !== null);
}

function describeEntry(entry: ErrorEntry): string {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);
  const where = text(entry.parameterName);
  const message = text(entry.message) ?? 'was refused';
  const code = text(entry.errorCode);
  // RingCentral sometimes names the parameter in the message too ("Parameter [x] is invalid").
  const prefix = where && !message.includes(where) ? `${where}: ` : '';
  return `${prefix}${message}${code ? ` (${code})` : ''}`;
}
