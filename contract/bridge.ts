import { z } from 'zod';
import { BoardSnapshotSchema } from './snapshot';
import { SettingsSchema } from './settings';
import { ConnectionStatusSchema, ServerUrlSchema } from './connection';
import type { InvokeChannelName } from './channels';
import {
  CostReportSchema,
  CostRequestSchema,
  DirectoryListSchema,
  DirectoryRequestSchema,
  SettingsRevisionSchema,
  SettingsUpdateSchema,
} from './editor';
import { BoardSourceSchema, BoardSourceStatusSchema, BoardSourceTestSchema } from './board-source';
import { PreviewReportSchema, PreviewRequestSchema } from './preview';
import { PairingCodeSchema, ScreenInfoSchema, ScreenNameSchema } from './screens';

/**
 * The Bridge between the renderer and the core: the same channels over Electron IPC (preload) and
 * over the hub's HTTP + Server-Sent Events. Every request payload is validated by the receiving host
 * against these schemas; nothing on these channels ever carries a token, and secrets only ever travel
 * inwards (from the settings window to the core's sign-in), never back out.
 */

const nothing = z.undefined();

export const SignInJwtSchema = z.object({
  server: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('production') }),
    z.object({ kind: z.literal('custom'), url: ServerUrlSchema }),
  ]),
  clientId: z.string().trim().min(1).max(200),
  clientSecret: z.string().min(1).max(500),
  jwt: z.string().min(1).max(8000),
});

export const SignInBrowserSchema = SignInJwtSchema.omit({ clientSecret: true, jwt: true }).extend({
  clientSecret: z.string().max(500).optional(),
});

/** Request/response pairs the renderer may invoke; `admin` ones change settings or the account. */
export const INVOKE_CHANNELS = {
  'snapshot:get': { request: nothing, response: BoardSnapshotSchema.nullable(), admin: false },
  'settings:get': { request: nothing, response: SettingsSchema, admin: false },
  'settings:save': { request: z.unknown(), response: SettingsSchema, admin: true },
  // The settings window: the settings with their revision, a save that checks it, a draft's cost
  // before saving, and the account's names for keys (contract/editor.ts).
  'settings:current': { request: nothing, response: SettingsRevisionSchema, admin: true },
  'settings:update': { request: SettingsUpdateSchema, response: SettingsRevisionSchema, admin: true },
  'settings:cost': { request: CostRequestSchema, response: CostReportSchema, admin: true },
  'settings:preview': { request: PreviewRequestSchema, response: PreviewReportSchema, admin: true },
  'directory:list': { request: DirectoryRequestSchema, response: DirectoryListSchema, admin: true },
  'board:export': { request: z.object({ boardId: z.string() }), response: z.string(), admin: false },
  'board:import': {
    request: z.object({ json: z.string().max(1_000_000), replace: z.boolean().optional() }),
    response: SettingsSchema,
    admin: true,
  },
  'boards:export': { request: nothing, response: z.string(), admin: false },
  'boardSource:status': { request: nothing, response: BoardSourceStatusSchema.nullable(), admin: true },
  // Admin only: it makes the core fetch an address of the caller's choosing.
  'boardSource:test': {
    request: BoardSourceSchema.pick({ url: true }),
    response: BoardSourceTestSchema,
    admin: true,
  },
  'connection:status': { request: nothing, response: ConnectionStatusSchema, admin: false },
  'connection:signInJwt': { request: SignInJwtSchema, response: ConnectionStatusSchema, admin: true },
  'connection:signInBrowser': { request: SignInBrowserSchema, response: ConnectionStatusSchema, admin: true },
  'connection:browserPage': {
    request: nothing,
    response: z.object({ url: z.url({ protocol: /^https?$/ }).nullable() }),
    admin: true,
  },
  'connection:signOut': { request: nothing, response: ConnectionStatusSchema, admin: true },
  'connection:useDemo': { request: nothing, response: ConnectionStatusSchema, admin: true },
  'screen:visibility': {
    request: z.object({ screenId: z.string().max(100), visible: z.boolean() }),
    response: nothing,
    admin: false,
  },
  // Screens a network hub has let in (answered by the hub; the desktop app serves none).
  'screens:list': { request: nothing, response: z.array(ScreenInfoSchema), admin: true },
  'screens:pair': {
    request: z.object({ name: ScreenNameSchema }),
    response: PairingCodeSchema,
    admin: true,
  },
  'screens:rename': {
    request: z.object({ id: z.string().max(40), name: ScreenNameSchema }),
    response: z.array(ScreenInfoSchema),
    admin: true,
  },
  'screens:revoke': {
    request: z.object({ id: z.string().max(40) }),
    response: z.array(ScreenInfoSchema),
    admin: true,
  },
} as const satisfies Record<InvokeChannelName, unknown>;

export type InvokeChannel = keyof typeof INVOKE_CHANNELS;
export type InvokeRequest<C extends InvokeChannel> = z.input<(typeof INVOKE_CHANNELS)[C]['request']>;
export type InvokeResponse<C extends InvokeChannel> = z.infer<(typeof INVOKE_CHANNELS)[C]['response']>;

/** What an invoke returns over either transport: a value, or an error in the user's terms. */
export type InvokeResult<C extends InvokeChannel> =
  { ok: true; value: InvokeResponse<C> } | { ok: false; error: string };

/** Pushed from the core to every screen. */
export const PUSH_CHANNELS = {
  'snapshot:push': BoardSnapshotSchema,
} as const;
export type PushChannel = keyof typeof PUSH_CHANNELS;

export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && Object.hasOwn(INVOKE_CHANNELS, name);
}

/** The one interface the renderer talks to; the preload and the hub client both implement it. */
export interface Bridge {
  invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<InvokeResult<C>>;
  onSnapshot(listener: (snapshot: z.infer<typeof BoardSnapshotSchema>) => void): () => void;
  /** The desktop app's tray or menu paused or resumed the rotation (absent on the hub). */
  onRotationPaused?(listener: (paused: boolean) => void): () => void;
}
