/**
 * How the poller reaches the API: one function that sends a request and returns the response for any
 * HTTP status, throwing only when there is no response at all. The connection implements it over
 * the real @ringcentral/sdk; the poller never sees tokens.
 */
export interface ApiRequest {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string | number>;
  body?: unknown;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface ApiResponse {
  status: number;
  /** Lower-cased header names. */
  headers: Readonly<Record<string, string>>;
  /** Parsed JSON, or undefined when the body was not JSON. */
  body: unknown;
  bodyText: string;
}

export type Transport = (request: ApiRequest) => Promise<ApiResponse>;

/** Transport failures the poller tells apart by name (thrown by the connection). */
export const TRANSPORT_ERRORS = {
  timeout: 'TimeoutError',
  network: 'NetworkError',
  notSignedIn: 'NotSignedInError',
} as const;
