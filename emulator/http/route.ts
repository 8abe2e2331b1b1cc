import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { fromZodError } from '../analytics/errors';
import type { Session } from './oauth';
import type { Permission } from './permissions';
import type { RateGroup } from './rate-limit';
import { parseJsonBody, type Reply } from './reply';

export interface RouteContext {
  readonly req: IncomingMessage;
  readonly params: Readonly<Record<string, string | undefined>>;
  readonly query: URLSearchParams;
  readonly body: Buffer;
  /** The signed-in session, on routes that need a bearer token. */
  readonly session: Session | null;
  /** Scheme, host and port the client used, for `uri` fields. */
  readonly baseUrl: string;
}

export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  /** Rate-limit group; null for the control plane, which is neither limited nor counted. */
  readonly group: RateGroup | null;
  readonly auth: 'bearer' | 'client' | 'none';
  /** Control-plane routes answer loopback clients only. */
  readonly control?: boolean;
  /** The app permission a bearer route needs (403 CMN-401 without it, after the rate limit counted it). */
  readonly permission?: Permission;
  handle(ctx: RouteContext): Reply | Promise<Reply>;
}

/** A control-plane route: under /__emulator, loopback only, neither rate-limited nor counted. */
export function controlRoute(method: Route['method'], path: string, handle: Route['handle']): Route {
  return { method, path: `/__emulator${path}`, group: null, auth: 'none', control: true, handle };
}

/** A control request's JSON body checked against `schema`; a 400 naming the field otherwise. */
export function parseControlBody<T extends z.ZodType>(schema: T, body: Buffer, prefix = ''): z.infer<T> {
  const result = schema.safeParse(parseJsonBody(body));
  if (!result.success) throw fromZodError(result.error, prefix);
  return result.data;
}
