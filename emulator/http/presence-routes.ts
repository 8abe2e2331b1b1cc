import { ApiError, invalidParameter } from '../analytics/errors';
import type { Directory } from '../data/directory';
import { presenceResource, queueMemberPresence } from '../live/bodies';
import type { LiveModel } from '../live/live-model';
import { accountPath, navigation, paging } from './directory-routes';
import { json } from './reply';
import type { Route, RouteContext } from './route';

/**
 * Presence over REST, from the live model at the data clock's now (app permission ReadPresence):
 * one extension (Light; PresenceInfoResponse, with activeCalls when detailedTelephonyState=true),
 * the whole account (Heavy; AccountPresenceInfo, paged) and a call queue's members with whether
 * they take its calls (Light; CallQueuePresence).
 */

export interface PresenceDeps {
  directory: () => Directory;
  /** The live model brought up to the data clock. */
  live: () => LiveModel;
}

const ACCOUNT = '/restapi/v1.0/account/:accountId';

function flag(ctx: RouteContext, name: string): boolean {
  const raw = ctx.query.get(name);
  if (raw === null) return false;
  if (raw !== 'true' && raw !== 'false') throw invalidParameter(name, 'must be true or false', raw);
  return raw === 'true';
}

export function presenceRoutes(deps: PresenceDeps): Route[] {
  const get = (path: string, group: Route['group'], handle: Route['handle']): Route => ({
    method: 'GET',
    path: `${ACCOUNT}${path}`,
    group,
    auth: 'bearer',
    permission: 'ReadPresence',
    handle,
  });
  return [
    get('/extension/:extensionId/presence', 'light', (ctx) => {
      const dir = deps.directory();
      const accountUri = `${ctx.baseUrl}${accountPath(dir, ctx)}`;
      const detailed = flag(ctx, 'detailedTelephonyState');
      flag(ctx, 'sipData');
      const id = ctx.params.extensionId === '~' ? ctx.session!.ownerId : ctx.params.extensionId;
      const ext = id ? dir.get(id) : undefined;
      if (!ext)
        throw new ApiError(404, [{ errorCode: 'CMN-102', message: `Extension [${id}] is not found` }]);
      return json(presenceResource(ext, deps.live().agent(ext.id), accountUri, detailed));
    }),
    get('/presence', 'heavy', (ctx) => {
      const dir = deps.directory();
      const path = `${accountPath(dir, ctx)}/presence`;
      const detailed = flag(ctx, 'detailedTelephonyState');
      flag(ctx, 'sipData');
      const page = paging(ctx, dir.extensions.length);
      const live = deps.live();
      const accountUri = `${ctx.baseUrl}${accountPath(dir, ctx)}`;
      return json({
        uri: `${ctx.baseUrl}${path}`,
        records: dir.extensions
          .slice(page.start, page.end)
          .map((ext) => presenceResource(ext, live.agent(ext.id), accountUri, detailed)),
        paging: page.info,
        navigation: navigation(ctx, path, page.page, page.totalPages),
      });
    }),
    get('/call-queues/:groupId/presence', 'light', (ctx) => {
      const dir = deps.directory();
      accountPath(dir, ctx);
      const queue = ctx.params.groupId ? dir.get(ctx.params.groupId) : undefined;
      if (queue?.type !== 'Department') {
        const message = `Call queue [${ctx.params.groupId}] is not found`;
        throw new ApiError(404, [{ errorCode: 'CMN-102', message }]);
      }
      const live = deps.live();
      const siteName = (siteId: string) => dir.get(siteId)?.name ?? siteId;
      const records = dir
        .queueMembers(queue.id)
        .filter((member) => member.type === 'User')
        .map((member) => queueMemberPresence(member, live.agent(member.id), siteName));
      return json({ records });
    }),
  ];
}
