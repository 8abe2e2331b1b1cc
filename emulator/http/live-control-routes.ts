import { z } from 'zod';
import { fromZodError } from '../analytics/errors';
import type { Emulator } from '../emulator';
import { liveSnapshot } from '../live/snapshot';
import { GatewayOptionsSchema } from '../ws/options';
import { faultList, SocketFaultListSchema } from '../ws/socket-faults';
import { PERMISSIONS } from './permissions';
import { json, parseJsonBody } from './reply';
import { controlRoute, parseControlBody, type Route } from './route';

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

export function liveControlRoutes(emulator: Emulator): Route[] {
  const apps = () =>
    emulator.oauth.options.apps.map((app) => ({
      clientId: app.clientId,
      requireSecret: app.requireSecret === true,
      redirectUris: app.redirectUris ?? [],
      permissions: [...(app.permissions ?? PERMISSIONS)],
    }));
  return [
    controlRoute('GET', '/live', () => {
      const now = emulator.dataNow();
      return json(liveSnapshot(emulator.live, emulator.directory, now, emulator.clock.speed));
    }),
    controlRoute('GET', '/ws', () => json(emulator.gateway.state())),
    controlRoute('POST', '/ws/faults', (ctx) => {
      const parsed = SocketFaultListSchema.safeParse(faultList(parseJsonBody(ctx.body)));
      if (!parsed.success) throw fromZodError(parsed.error, 'actions');
      const applied = parsed.data.map((fault) => ({
        action: fault.action,
        affected: emulator.gateway.fault(fault),
      }));
      return json({ applied });
    }),
    controlRoute('DELETE', '/ws/faults', () => {
      emulator.gateway.clearFaults();
      return { status: 204 };
    }),
    controlRoute('POST', '/ws/options', (ctx) => {
      const changes = parseControlBody(GatewayOptionsSchema.partial(), ctx.body);
      emulator.gateway.options = { ...emulator.gateway.options, ...changes };
      return json(emulator.gateway.options);
    }),
    controlRoute('GET', '/apps', () => json({ apps: apps() })),
    controlRoute('POST', '/apps', (ctx) => {
      emulator.oauth.putApp(parseControlBody(AppSchema, ctx.body));
      return json({ apps: apps() }, 201);
    }),
  ];
}
