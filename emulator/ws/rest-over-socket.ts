import type { OAuthServer } from '../http/oauth';
import type { EmulatorHttpServer } from '../http/server';
import type { RestAnswer, RestCall } from './client-requests';

/**
 * REST over WebSocket (@rc-ex/ws's `restOverWebSocket`): a ClientRequest for any REST path runs
 * through the HTTP pipeline itself (stats, faults, bearer check, rate limit, handler) with the
 * access token of the session the socket was opened for, and its answer goes back on the socket.
 */

/** The response headers a ClientRequest's answer carries. */
const KEPT_HEADERS = /^(content-type|retry-after|x-rate-limit-.+)$/i;

export async function restOverSocket(
  http: EmulatorHttpServer,
  oauth: OAuthServer,
  call: RestCall,
): Promise<RestAnswer> {
  const token = oauth.session(call.session.grant.oauthSessionId)?.accessToken;
  // The socket's session decides who calls, and the injected request has its own length and host.
  const headers = Object.fromEntries(
    Object.entries(call.headers).filter(([name]) => !/^(authorization|host|content-length)$/i.test(name)),
  );
  if (token) headers.Authorization = `Bearer ${token}`;
  headers.Host = new URL(call.baseUrl).host;
  const hasBody = call.body !== undefined && call.body !== null;
  if (hasBody) headers['Content-Type'] = 'application/json';
  const query = call.query.toString();
  const answer = await http.inject({
    method: call.method,
    url: `${call.path}${query ? `?${query}` : ''}`,
    headers,
    ...(hasBody ? { payload: JSON.stringify(call.body) } : {}),
  });
  const kept = Object.fromEntries(
    Object.entries(answer.headers).flatMap(([name, value]) =>
      KEPT_HEADERS.test(name) ? [[canonical(name), value]] : [],
    ),
  );
  let body: unknown = undefined;
  if (answer.body) {
    try {
      body = JSON.parse(answer.body) as unknown;
    } catch {
      body = answer.body;
    }
  }
  return { status: answer.status, headers: kept, body };
}

/** `x-rate-limit-group` → `X-Rate-Limit-Group`, as the gateway's own answers spell headers. */
function canonical(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_match, dash: string, letter: string) => dash + letter.toUpperCase());
}
