import type { InvokeRequest } from '../../contract/bridge';
import { shownUrl } from '../../contract/board-source';
import type { Settings } from '../../contract/settings';
import type { BoardSnapshot } from '../../contract/snapshot';
import type { InvokeHandlers } from './invoke';
import type { BoardPreviews } from './board-preview';
import { assertNoOverlaps, type EditorService } from './editor-service';
import type { SessionManager } from './session-manager';
import type { BoardFeed } from './settings/board-feed';
import { exportBoard, exportBoards, importBoard } from './settings/board-files';
import { adaptDefaultBoards, type DefaultScope } from './settings/default-boards';
import type { SettingsService } from './settings/settings-store';

/**
 * What each Bridge channel does. Payloads arrive already validated (invoke.ts); handlers stay small
 * and delegate to the settings service and the session manager. Sign-in results come back as the
 * connection status only: no token or secret ever leaves this function.
 */

export interface HandlerContext {
  core: { snapshot(): BoardSnapshot | null };
  settings: SettingsService;
  editor: EditorService;
  previews: BoardPreviews;
  feed: BoardFeed;
  sessions: SessionManager;
  screenId: string;
  /** The default boards' scope on the demo and on an account. */
  scopes: { demo: DefaultScope; account: DefaultScope };
}

function withShownSource(current: Settings): Settings {
  const source = current.boardSource;
  return source ? { ...current, boardSource: { ...source, url: shownUrl(source.url) } } : current;
}

function networkScreensOnly(): never {
  throw new Error('Screens on a network are let in and managed by the Callboard hub; this app serves none.');
}

export function createInvokeHandlers(context: HandlerContext): InvokeHandlers {
  const { core, settings, editor, previews, feed, sessions, scopes } = context;
  const switchTo = (connection: Settings['connection']) => {
    const toDemo = connection === null;
    const [from, to] = toDemo ? [scopes.account, scopes.demo] : [scopes.demo, scopes.account];
    return settings.save({ ...adaptDefaultBoards(settings.current(), from, to), connection });
  };
  return {
    'snapshot:get': () => core.snapshot(),
    // Any screen may read the settings: the boards file's address goes out without its query,
    // which may hold the file server's token (admins read it whole through settings:current).
    'settings:get': () => withShownSource(settings.current()),
    'settings:save': (request: unknown) => {
      assertNoOverlaps(request);
      return settings.save(request);
    },
    'settings:current': () => editor.current(),
    'settings:update': (request: InvokeRequest<'settings:update'>) =>
      editor.update(request.basedOn, request.settings),
    'settings:cost': (request: InvokeRequest<'settings:cost'>) => editor.cost(request.settings),
    'settings:preview': (request: InvokeRequest<'settings:preview'>) =>
      previews.preview(request.settings, request.boardId),
    'directory:list': (request: InvokeRequest<'directory:list'>) => editor.directory(request.kind),
    'board:export': (request: InvokeRequest<'board:export'>) =>
      exportBoard(settings.current(), request.boardId),
    'board:import': (request: InvokeRequest<'board:import'>) =>
      settings.save(importBoard(settings.current(), request.json, { replace: request.replace ?? false })),
    'boards:export': () => exportBoards(settings.current()),
    'boardSource:status': () => feed.status(),
    'boardSource:test': (request: InvokeRequest<'boardSource:test'>) => feed.test(request.url),
    'connection:status': () => sessions.status(),
    'connection:signInJwt': async (request: InvokeRequest<'connection:signInJwt'>) => {
      await switchTo(await sessions.signInWithJwt(request));
      return sessions.status();
    },
    'connection:signInBrowser': async (request: InvokeRequest<'connection:signInBrowser'>) => {
      await switchTo(await sessions.signInWithBrowser(request));
      return sessions.status();
    },
    'connection:browserPage': () => ({ url: sessions.browserPage() }),
    'connection:signOut': async () => {
      await sessions.signOut();
      return sessions.status();
    },
    'connection:useDemo': async () => {
      await sessions.useDemo();
      await switchTo(null);
      return sessions.status();
    },
    // Each host ties visibility to screens it holds open itself (the hub's event streams, Electron's
    // windows): the core never keeps an id it is merely told, so a caller cannot grow its memory.
    'screen:visibility': () => undefined,
    'screens:list': networkScreensOnly,
    'screens:pair': networkScreensOnly,
    'screens:rename': networkScreensOnly,
    'screens:revoke': networkScreensOnly,
  };
}
