import type { FastifyInstance, FastifyReply } from 'fastify';
import { ACCESS_COOKIE, HUB_PATHS } from '../../contract/hub-api';
import { ACCESS_COOKIE_OPTIONS, cookieFor } from './access';
import { ADMIN_COOKIE, ADMIN_COOKIE_OPTIONS, type AdminSessions } from './admin-sessions';
import { redeemPairing, type HostScreens } from './host-channels';
import { ADMIN_SIGN_IN_PAGE, FORM_SCRIPT, PAIR_PAGE } from './hub-pages';
import { sendJson } from './hub-replies';
import { sendFileOr } from './static-files';

/**
 * The routes around the board: pairing a screen, and the settings pages with their admin sign-in.
 * The settings app (its own build entry, settings.html) is served only to an admin session; anyone
 * else gets the sign-in page, so a viewer with the access key never loads the editor.
 */

export interface PageDeps {
  rendererDir: string;
  screens: HostScreens;
  admins: AdminSessions;
  log?: (line: string) => void;
}

const SETTINGS_FILE = 'settings.html';

function html(reply: FastifyReply, page: string): FastifyReply {
  return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(page);
}

export function registerPageRoutes(app: FastifyInstance, deps: PageDeps): void {
  app.get(HUB_PATHS.pair, (_request, reply) => html(reply, PAIR_PAGE));
  app.get(HUB_PATHS.formScript, (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('Cache-Control', 'no-store').send(FORM_SCRIPT),
  );
  app.post(HUB_PATHS.pairApi, async (request, reply) => {
    const outcome = await redeemPairing(request.body, request.ip, deps.screens);
    if (!outcome.ok) return sendJson(reply, outcome.status, { ok: false, error: outcome.error });
    deps.log?.(`screens: a screen joined with a pairing code from ${request.ip}`);
    return sendJson(
      reply.setCookie(ACCESS_COOKIE, outcome.token, cookieFor(request, ACCESS_COOKIE_OPTIONS)),
      200,
      { ok: true },
    );
  });

  const settingsPage = (admin: boolean, reply: FastifyReply) =>
    admin ? sendFileOr(reply, deps.rendererDir, SETTINGS_FILE) : html(reply, ADMIN_SIGN_IN_PAGE);
  app.get(HUB_PATHS.settings, (request, reply) =>
    settingsPage(deps.admins.valid(request.cookies[ADMIN_COOKIE]), reply),
  );
  // One address for the pages: under /settings/… the page's relative asset paths would not resolve.
  app.get(`${HUB_PATHS.settings}/*`, (_request, reply) => reply.redirect(HUB_PATHS.settings, 303));
  // The file itself only by its page's address, so the sign-in check cannot be walked around.
  app.get(`/${SETTINGS_FILE}`, (_request, reply) => reply.redirect(HUB_PATHS.settings, 303));

  app.post<{ Body: { adminKey?: unknown } | undefined }>(HUB_PATHS.adminSession, (request, reply) => {
    const outcome = deps.admins.signIn(request.body?.adminKey, request.ip);
    if (!outcome.ok) {
      deps.log?.(`settings: a wrong admin key from ${request.ip}`);
      return sendJson(reply, outcome.status, { ok: false, error: outcome.error });
    }
    deps.log?.(`settings: an admin signed in from ${request.ip}`);
    return sendJson(
      reply.setCookie(ADMIN_COOKIE, outcome.token, cookieFor(request, ADMIN_COOKIE_OPTIONS)),
      200,
      { ok: true },
    );
  });
  app.post(HUB_PATHS.adminSignOut, (request, reply) => {
    deps.admins.signOut(request.cookies[ADMIN_COOKIE]);
    return sendJson(reply.clearCookie(ADMIN_COOKIE, { path: '/' }), 200, { ok: true });
  });
}
