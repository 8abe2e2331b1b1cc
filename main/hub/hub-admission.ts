import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorText } from '../../contract/error-text';
import { ACCESS_COOKIE, ACCESS_KEY_PARAM, HUB_PATHS } from '../../contract/hub-api';
import {
  ACCESS_COOKIE_OPTIONS,
  checkViewer,
  cookieFor,
  isAdmin,
  type AccessPolicy,
  type Viewer,
} from './access';
import { isApiPath, refuseViewer, sendJson, sendText } from './hub-replies';
import { ADMIN_COOKIE, ADMIN_COOKIE_OPTIONS, type AdminSessions } from './admin-sessions';
import { refusePost, type HostPolicy } from './request-guard';
import type { ScreenRegistry } from './screen-registry';

/**
 * Every request's first stop, in order: the health check answers anyone; a Host the hub does not
 * serve is refused (DNS rebinding); a POST must be JSON from the hub's own origin (cross-site
 * requests); the pairing page is open; everything else needs a viewer: on a LAN a screen token, or
 * the access key, which a page load trades for a new screen token in a cookie (or the admin key).
 */

export interface Admission {
  access: AccessPolicy;
  hosts: HostPolicy;
  registry: ScreenRegistry;
  admins: AdminSessions;
}

export type Admitted = { screen: string | null } | null;

/** Pages that come before any key: pairing a screen, and the settings pages' own admin sign-in. */
const OPEN_PATHS: ReadonlySet<string> = new Set([
  HUB_PATHS.pair,
  HUB_PATHS.pairApi,
  HUB_PATHS.formScript,
  HUB_PATHS.settings,
  HUB_PATHS.adminSession,
  HUB_PATHS.adminSignOut,
]);

function isOpenPath(path: string): boolean {
  return OPEN_PATHS.has(path) || path.startsWith(`${HUB_PATHS.settings}/`);
}

/** Decides a request: who it is (null screen: loopback or the key), or null once it has been answered. */
export async function admit(
  request: FastifyRequest,
  reply: FastifyReply,
  admission: Admission,
): Promise<Admitted> {
  const { path, params } = splitUrl(request.url);
  if (path === HUB_PATHS.health) return { screen: null };
  if (!admission.hosts.allows(request.headers.host)) {
    await refuseHost(reply, path);
    return null;
  }
  if (request.method === 'POST') {
    const refusal = refusePost(request.headers);
    if (refusal) {
      await sendJson(reply, refusal.status, { ok: false, error: refusal.error });
      return null;
    }
  }
  // The pairing page is how a screen without a key gets in; the admin key opens what the viewer key does.
  const session = request.cookies[ADMIN_COOKIE];
  const adminSession = admission.admins.valid(session);
  // Set again on use, so the browser keeps it as long as the session lives (8 hours from last use).
  if (adminSession && session !== undefined)
    reply.setCookie(ADMIN_COOKIE, session, cookieFor(request, ADMIN_COOKIE_OPTIONS));
  if (isOpenPath(path) || adminSession || isAdmin(request.headers, admission.access)) return { screen: null };
  const cookie = request.cookies[ACCESS_COOKIE];
  const viewer = checkViewer({ cookie, key: params.get(ACCESS_KEY_PARAM) }, admission.access, (token) =>
    admission.registry.verify(token),
  );
  return await answerViewer(viewer, { request, reply, path, params }, admission);
}

async function answerViewer(
  viewer: Viewer,
  at: { request: FastifyRequest; reply: FastifyReply; path: string; params: URLSearchParams },
  admission: Admission,
): Promise<Admitted> {
  const { request, reply, path, params } = at;
  switch (viewer.kind) {
    case 'open':
      return { screen: null };
    case 'denied':
      await refuseViewer(reply, path);
      return null;
    case 'screen': {
      admission.registry.seen(viewer.screenId, request.ip);
      // A page load renews the cookie, so screens that joined together do not all drop out a year later.
      const cookie = request.cookies[ACCESS_COOKIE];
      if (isPageLoad(request, path) && cookie !== undefined)
        reply.setCookie(ACCESS_COOKIE, cookie, cookieFor(request, ACCESS_COOKIE_OPTIONS));
      return { screen: viewer.screenId };
    }
    case 'key': {
      // A page load joins: the screen gets its own token. API calls with the key (scripts) and
      // assets do not, or every request would add a screen.
      if (!isPageLoad(request, path)) return { screen: null };
      let joined: { id: string; token: string };
      try {
        joined = await admission.registry.register({
          name: screenName(request.headers['user-agent']),
          joinedWith: 'key',
          address: request.ip,
        });
      } catch (error) {
        await sendText(reply, 503, errorText(error));
        return null;
      }
      const { id, token } = joined;
      reply.setCookie(ACCESS_COOKIE, token, cookieFor(request, ACCESS_COOKIE_OPTIONS));
      if (viewer.via === 'oldCookie') return { screen: id };
      // Drop the key from the address bar and history.
      params.delete(ACCESS_KEY_PARAM);
      const search = params.toString();
      // One leading slash: `//host` or `/\host` in Location would send the screen to another site.
      const location = `${path.replace(/^[/\\]+/, '/')}${search ? `?${search}` : ''}`;
      await reply.redirect(location, 303);
      return null;
    }
  }
}

/** 421: the request named a host this hub does not serve. The name is not echoed into HTML. */
function refuseHost(reply: FastifyReply, path: string): FastifyReply {
  const message =
    'Refused: this Callboard hub does not answer to that host name. An IT admin can allow a name with --allowed-host (see docs/security.md).';
  return isApiPath(path)
    ? sendJson(reply, 421, { ok: false, error: message })
    : sendText(reply, 421, message);
}

/** A readable default name for a screen that joined with the key, from its browser's description. */
export function screenName(userAgent: string | undefined): string {
  const agent = userAgent ?? '';
  const browser = /Edg\//.test(agent)
    ? 'Edge'
    : /Chrom(e|ium)\//.test(agent)
      ? 'Chrome'
      : /Firefox\//.test(agent)
        ? 'Firefox'
        : /Safari\//.test(agent)
          ? 'Safari'
          : 'Browser';
  const system = /Windows/.test(agent)
    ? 'Windows'
    : /Android/.test(agent)
      ? 'Android'
      : /Mac OS X|Macintosh/.test(agent)
        ? 'macOS'
        : /CrOS/.test(agent)
          ? 'ChromeOS'
          : /Linux/.test(agent)
            ? 'Linux'
            : null;
  return system ? `${browser} on ${system}` : browser;
}

/** A page navigation (not the API, not an asset file). */
function isPageLoad(request: FastifyRequest, path: string): boolean {
  return request.method === 'GET' && !isApiPath(path) && !/\.[a-z0-9]+$/i.test(path);
}

export function splitUrl(url: string): { path: string; params: URLSearchParams } {
  const query = url.indexOf('?');
  if (query === -1) return { path: url, params: new URLSearchParams() };
  return { path: url.slice(0, query), params: new URLSearchParams(url.slice(query + 1)) };
}
