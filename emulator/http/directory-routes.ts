import { ApiError, invalidParameter } from '../analytics/errors';
import type { Directory, Extension } from '../data/directory';
import { EXTENSION_STATUSES, EXTENSION_TYPES } from '../data/directory';
import { json } from './reply';
import type { Route, RouteContext } from './route';

/**
 * Directory endpoints the wallboard uses for names: the extension list (type `Department` is a call
 * queue), a single extension, the call-queue list, one queue and its members. Shapes follow the
 * OpenAPI schemas (GetExtensionListResponse, CallQueueList, CallQueueMembers).
 */

const ACCOUNT = '/restapi/v1.0/account/:accountId';

/** The spec types extension ids as int64; ids that are not numeric are sent as strings. */
const idValue = (id: string): number | string => (/^\d{1,15}$/.test(id) ? Number(id) : id);

export function paging(ctx: RouteContext, total: number, defaultPerPage = 100) {
  const page = positiveInt(ctx, 'page', 1);
  const perPage = Math.min(positiveInt(ctx, 'perPage', defaultPerPage), 1000);
  const start = (page - 1) * perPage;
  const end = Math.min(total, start + perPage);
  const totalPages = Math.ceil(total / perPage);
  // The spec's paging model omits `page` (and the page bounds) for a page past the end.
  const info: Record<string, number> = { perPage, totalPages, totalElements: total };
  if (end > start) Object.assign(info, { page, pageStart: start, pageEnd: end - 1 });
  return { start, end, page, totalPages, info };
}

function positiveInt(ctx: RouteContext, name: string, fallback: number): number {
  const raw = ctx.query.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw invalidParameter(name, 'must be a positive integer', raw);
  return value;
}

export function navigation(ctx: RouteContext, path: string, page: number, totalPages: number) {
  const uri = (p: number) => {
    const query = new URLSearchParams(ctx.query);
    query.set('page', String(p));
    return { uri: `${ctx.baseUrl}${path}?${query.toString()}` };
  };
  const nav: Record<string, { uri: string }> = { firstPage: uri(1) };
  if (page > 1) nav.previousPage = uri(page - 1);
  if (page < totalPages) nav.nextPage = uri(page + 1);
  if (totalPages > 0) nav.lastPage = uri(totalPages);
  return nav;
}

export function accountPath(directory: Directory, ctx: RouteContext): string {
  const accountId = ctx.params.accountId;
  if (accountId !== '~' && accountId !== directory.account.id) {
    throw new ApiError(404, [
      { errorCode: 'CMN-102', message: `Resource for parameter [accountId] is not found` },
    ]);
  }
  return `/restapi/v1.0/account/${directory.account.id}`;
}

function extensionRecord(ext: Extension, baseUrl: string, directory: Directory) {
  const [firstName, ...rest] = ext.name.split(' ');
  const site = ext.site ? directory.get(ext.site) : undefined;
  return {
    id: idValue(ext.id),
    uri: `${baseUrl}/restapi/v1.0/account/${directory.account.id}/extension/${ext.id}`,
    extensionNumber: ext.extensionNumber,
    name: ext.name,
    type: ext.type,
    status: ext.status,
    hidden: false,
    contact:
      ext.type === 'User'
        ? { firstName, lastName: rest.join(' '), email: ext.email, department: ext.department }
        : { firstName: ext.name, email: ext.email },
    ...(ext.site ? { site: { id: ext.site, name: site?.name ?? ext.site } } : {}),
    ...(ext.type === 'Department'
      ? {
          callQueueInfo: {
            slaGoal: ext.slaGoal ?? 80,
            slaThresholdSeconds: ext.slaThresholdSeconds ?? 30,
            includeAbandonedCalls: true,
            abandonedThresholdSeconds: 0,
          },
        }
      : {}),
  };
}

function findQueue(directory: Directory, id: string | undefined): Extension {
  const queue = id ? directory.get(id) : undefined;
  if (!queue || queue.type !== 'Department') {
    throw new ApiError(404, [{ errorCode: 'CMN-102', message: `Call queue [${id}] is not found` }]);
  }
  return queue;
}

function queueInfo(queue: Extension, ctx: RouteContext, directory: Directory) {
  const site = queue.site ? directory.get(queue.site) : undefined;
  return {
    uri: `${ctx.baseUrl}/restapi/v1.0/account/${directory.account.id}/call-queues/${queue.id}`,
    id: queue.id,
    extensionNumber: queue.extensionNumber,
    name: queue.name,
    status: queue.status === 'Frozen' ? 'Disabled' : queue.status,
    ...(queue.site ? { site: { id: queue.site, name: site?.name ?? queue.site } } : {}),
  };
}

function multi(ctx: RouteContext, name: string, allowed: readonly string[]): Set<string> | null {
  const values = ctx.query
    .getAll(name)
    .flatMap((value) => value.split(','))
    .filter(Boolean);
  for (const value of values) {
    if (!allowed.includes(value)) throw invalidParameter(name, `unknown value ${value}`, value);
  }
  return values.length ? new Set(values) : null;
}

export function directoryRoutes(directory: () => Directory): Route[] {
  return [
    {
      method: 'GET',
      path: `${ACCOUNT}/extension`,
      group: 'medium',
      auth: 'bearer',
      permission: 'ReadAccounts',
      handle(ctx) {
        const dir = directory();
        const path = `${accountPath(dir, ctx)}/extension`;
        const types = multi(ctx, 'type', EXTENSION_TYPES);
        const statuses = multi(ctx, 'status', EXTENSION_STATUSES);
        const number = ctx.query.get('extensionNumber');
        const matching = dir.extensions.filter(
          (ext) =>
            (!types || types.has(ext.type)) &&
            (!statuses || statuses.has(ext.status)) &&
            (!number || ext.extensionNumber === number),
        );
        const page = paging(ctx, matching.length);
        return json({
          uri: `${ctx.baseUrl}${path}`,
          records: matching.slice(page.start, page.end).map((ext) => extensionRecord(ext, ctx.baseUrl, dir)),
          paging: page.info,
          navigation: navigation(ctx, path, page.page, page.totalPages),
        });
      },
    },
    {
      method: 'GET',
      path: `${ACCOUNT}/extension/:extensionId`,
      group: 'light',
      auth: 'bearer',
      permission: 'ReadAccounts',
      handle(ctx) {
        const dir = directory();
        accountPath(dir, ctx);
        const id = ctx.params.extensionId === '~' ? ctx.session!.ownerId : ctx.params.extensionId;
        const ext = id ? dir.get(id) : undefined;
        if (!ext)
          throw new ApiError(404, [{ errorCode: 'CMN-102', message: `Extension [${id}] is not found` }]);
        return json({ ...extensionRecord(ext, ctx.baseUrl, dir), account: { id: dir.account.id } });
      },
    },
    {
      method: 'GET',
      path: `${ACCOUNT}/call-queues`,
      group: 'medium',
      auth: 'bearer',
      permission: 'ReadAccounts',
      handle(ctx) {
        const dir = directory();
        const path = `${accountPath(dir, ctx)}/call-queues`;
        const member = ctx.query.get('memberExtensionId');
        const queues = dir
          .ofType('Department')
          .filter((queue) => !member || (dir.get(member)?.queues.includes(queue.id) ?? false));
        const page = paging(ctx, queues.length);
        return json({
          uri: `${ctx.baseUrl}${path}`,
          records: queues.slice(page.start, page.end).map((queue) => queueInfo(queue, ctx, dir)),
          paging: page.info,
          navigation: navigation(ctx, path, page.page, page.totalPages),
        });
      },
    },
    {
      method: 'GET',
      path: `${ACCOUNT}/call-queues/:groupId`,
      group: 'light',
      auth: 'bearer',
      permission: 'ReadAccounts',
      handle(ctx) {
        const dir = directory();
        accountPath(dir, ctx);
        const queue = findQueue(dir, ctx.params.groupId);
        return json({
          ...queueInfo(queue, ctx, dir),
          serviceLevelSettings: {
            slaGoal: queue.slaGoal ?? 80,
            slaThresholdSeconds: queue.slaThresholdSeconds ?? 30,
            includeAbandonedCalls: true,
            abandonedThresholdSeconds: 0,
          },
        });
      },
    },
    {
      method: 'GET',
      path: `${ACCOUNT}/call-queues/:groupId/members`,
      group: 'light',
      auth: 'bearer',
      permission: 'ReadAccounts',
      handle(ctx) {
        const dir = directory();
        const accountUri = accountPath(dir, ctx);
        const queue = findQueue(dir, ctx.params.groupId);
        const path = `${accountUri}/call-queues/${queue.id}/members`;
        const members = dir.queueMembers(queue.id);
        const page = paging(ctx, members.length);
        return json({
          uri: `${ctx.baseUrl}${path}`,
          records: members.slice(page.start, page.end).map((ext) => ({
            uri: `${ctx.baseUrl}${accountUri}/extension/${ext.id}`,
            id: idValue(ext.id),
            extensionNumber: ext.extensionNumber,
          })),
          paging: page.info,
          navigation: navigation(ctx, path, page.page, page.totalPages),
        });
      },
    },
  ];
}
