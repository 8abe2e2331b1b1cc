import type { ApiRequest, ApiResponse } from '../poller/transport';
import { NetworkError, TimeoutError, abortError } from './errors';
import type { Platform } from './platform-factory';

/**
 * One API exchange through the SDK, for the poller: any HTTP status comes back as a response (the
 * SDK throws on 4xx/5xx; its error carries the Response), and only the absence of an answer
 * throws, as NetworkError or TimeoutError. The SDK's own 401 handling still runs inside: it
 * renews the access token once and retries. When that renewal fails, the caller is told
 * (`refreshFailed`) instead of being handed the token endpoint's answer as if it were the API's.
 */

export type Exchange = { response: ApiResponse } | { refreshFailed: unknown };

export interface ExchangeContext {
  platform: Platform;
  serverUrl: string;
  /** True for the error a failed token renewal raised (the connection hears `refreshError`). */
  isRefreshFailure: (error: unknown) => boolean;
}

export async function exchange(context: ExchangeContext, request: ApiRequest): Promise<Exchange> {
  return withDeadline(request, context.serverUrl, async (signal) => {
    try {
      const response = await context.platform.send(sendOptions(request, signal));
      return { response: await toApiResponse(response) };
    } catch (error) {
      const transport = transportError(error, context.serverUrl);
      if (transport) throw transport;
      if (context.isRefreshFailure(error)) return { refreshFailed: error };
      const response = (error as { response?: Response | null }).response;
      if (response) return { response: await toApiResponse(response) };
      throw error;
    }
  });
}

function sendOptions(request: ApiRequest, signal: AbortSignal) {
  const hasBody = request.method !== 'GET' && request.body !== undefined;
  return {
    method: request.method,
    url: request.path,
    query: request.query,
    // Serialised here: the SDK only serialises plain objects and would send anything else as is.
    body: hasBody ? JSON.stringify(request.body) : undefined,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    handleRateLimit: false,
    // Not in the SDK's SendOptions type, but Client.createRequest passes the whole object to
    // `new Request(url, init)`, so the signal reaches fetch (and the retry after a 401 too).
    signal,
  };
}

/** Status, lower-cased headers, the text, and the JSON when the text is JSON (never a throw). */
export async function toApiResponse(response: Response): Promise<ApiResponse> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const bodyText = await response.text();
  let body: unknown;
  if (bodyText.trim()) {
    try {
      body = JSON.parse(bodyText);
    } catch {
      body = undefined;
    }
  }
  return { status: response.status, headers, body, bodyText };
}

/**
 * Run `work` with a signal that aborts at the request's deadline or when the caller's signal
 * aborts. The race matters: before the request, the SDK may be renewing the token with a request
 * this signal cannot reach; the caller gets its answer on time and that renewal ends by itself.
 */
async function withDeadline<T>(
  request: ApiRequest,
  serverUrl: string,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  if (request.signal?.aborted) throw abortError(request.signal);
  const controller = new AbortController();
  let cleanup = () => {};
  const deadline = new Promise<never>((_, reject) => {
    const stop = (error: Error) => {
      controller.abort(error);
      reject(error);
    };
    const timer = setTimeout(
      () => stop(new TimeoutError(`${hostOf(serverUrl)} did not answer within ${request.timeoutMs} ms`)),
      request.timeoutMs,
    );
    const onAbort = () => stop(abortError(request.signal));
    request.signal?.addEventListener('abort', onAbort, { once: true });
    cleanup = () => {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
    };
  });
  const working = work(controller.signal);
  working.catch(() => {}); // Settles after the deadline when the deadline wins; nothing to report.
  try {
    return await Promise.race([working, deadline]);
  } finally {
    cleanup();
  }
}

/** NetworkError / TimeoutError for an exchange that got no HTTP answer, or null. */
export function transportError(error: unknown, serverUrl: string): NetworkError | TimeoutError | null {
  if (error instanceof NetworkError || error instanceof TimeoutError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  const host = hostOf(serverUrl);
  // AbortSignal.timeout() (the per-exchange limit in platform-factory.ts) rejects with this name.
  if (name === 'TimeoutError') return new TimeoutError(`${host} did not answer in time`);
  const code = causeCode(error);
  if (error instanceof TypeError && (code || /fetch failed/i.test(error.message))) {
    return new NetworkError(`Cannot reach ${host}: ${describeCode(code)}`);
  }
  return null;
}

function causeCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

const CODE_TEXT: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  UND_ERR_SOCKET: 'connection dropped',
  UND_ERR_CLOSED: 'connection closed',
  ENOTFOUND: 'server name not found',
  EAI_AGAIN: 'server name lookup failed',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

function describeCode(code: string | null): string {
  if (!code) return 'network error';
  return `${CODE_TEXT[code] ?? 'network error'} (${code})`;
}

function hostOf(serverUrl: string): string {
  try {
    return new URL(serverUrl).host;
  } catch {
    return 'the server';
  }
}
