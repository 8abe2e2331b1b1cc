import { z } from 'zod';
import { fromZodError } from '../analytics/errors';
import type { Emulator } from '../emulator';
import { liveSnapshot } from '../live/snapshot';
import { GatewayOptionsSchema } from '../ws/options';
import { faultList, SocketFaultListSchema } from '../ws/socket-faults';
import { PERMISSIONS } from './permissions';
import { json, parseJsonBody } from './reply';
import type { Route } from './route';

/**
 * The control plane's live side (loopback only, like the rest of /__emulator/): what the simulation
 * holds now, the WebSocket gateway's state, its faults and timings, and the apps the platform
 * accepts with their permissions.
 */

const AppSchema = z.object({
  clientId: z.string().min(1).max(200),
  clientSecret: z.string().min(1).max(500).optional(),
  requireSecret: z.boolean().optional(),
  redirectUris: z.array(z.string().max(2000)).max(50).optional(),
  permissions: z.array(z.string().min(1).max(100)).max(100).optional(),
});

function parse<T extends z.ZodType>(schema: T, body: Buffer, prefix = ''): z.infer<T> {
  const result = schema.safeParse(parseJsonBody(body));
  if (!result.success) throw fromZodError(result.error, prefix);
  return result.data;
}

export function liveControlRoutes(emulator: Emulator): Route[] {
  const route = (method: Route['method'], path: string, handle: Route['handle']): Route => ({
    method,
    path: `/__emulator${path}`,
    group: null,
    auth: 'none',
    control: true,
    handle,
  });
  const apps = () =>
    emulator.oauth.options.apps.map((app) => ({
      clientId: app.clientId,
      requireSecret: app.requireSecret === true,
      redirectUris: app.redirectUris ?? [],
      permissions: [...(app.permissions ?? PERMISSIONS)],
    }));
  return [
    route('GET', '/live', () => {
      const now = emulator.dataNow();
      return json(liveSnapshot(emulator.live, emulator.directory, now, emulator.clock.speed));
    }),
    route('GET', '/ws', () => json(emulator.gateway.state())),
    route('POST', '/ws/faults', (ctx) => {
      const parsed = SocketFaultListSchema.safeParse(faultList(parseJsonBody(ctx.body)));
      if (!parsed.success) throw fromZodError(parsed.error, 'actions');
      const applied = parsed.data.map((fault) => ({
        action: fault.action,
        affected: emulator.gateway.fault(fault),
      }));
      return json({ applied });
    }),
    route('DELETE', '/ws/faults', () => {
      emulator.gateway.clearFaults();
      return { status: 204 };
    }),
    route('POST', '/ws/options', (ctx) => {
      const changes = parse(GatewayOptionsSchema.partial(), ctx.body);
      emulator.gateway.options = { ...emulator.gateway.options, ...changes };
      return json(emulator.gateway.options);
    }),
    route('GET', '/apps', () => json({ apps: apps() })),
    route('POST', '/apps', (ctx) => {
      emulator.oauth.putApp(parse(AppSchema, ctx.body));
      return json({ apps: apps() }, 201);
    }),
  ];
}
