import { randomUUID } from 'node:crypto';
import { SDK } from '@ringcentral/sdk';
import type { SecretStore } from '../secrets/secret-store';
import type { AuthBudget } from './auth-budget';
import { TokenStorage } from './token-storage';
import { parseRetryAfter } from '../poller/retry-after';

/**
 * One @ringcentral/sdk instance, wired the way Callboard needs it:
 * - `handleRateLimit: false`: the poller owns rate limits (with it the SDK sleeps and retries a 429).
 * - a unique `cachePrefix`: SDK instances in one process otherwise share one token cache.
 * - `clearCacheOnRefreshError: false`: the SDK would otherwise erase the session when a refresh
 *   fails for any reason, a network blip included; the connection decides what a failure means.
 * - Node's own fetch, with a deadline on every request: token and revoke requests take no signal
 *   from the SDK's API, and a hung one must not hold a socket (or the SDK's refresh lock) forever.
 *   Token and revoke requests also pass the Auth-group budget (auth-budget.ts), whoever sends them:
 *   our sign-ins or the SDK's own renewals.
 */

export type Platform = ReturnType<SDK['platform']>;
type SdkOptions = NonNullable<ConstructorParameters<typeof SDK>[0]>;

export interface PlatformParts {
  platform: Platform;
  storage: TokenStorage;
}

export interface PlatformOptions {
  serverUrl: string;
  clientId: string;
  clientSecret: string | null;
  store: SecretStore;
  profile: string;
  /** The SDK renews the access token this long before it expires. */
  renewMarginMs: number;
  /** Upper bound for any single HTTP exchange the SDK makes (token, revoke, API). */
  requestLimitMs: number;
  /** The app's Auth-group budget: every token and revoke request takes a slot from it. */
  authBudget: AuthBudget;
  log: (line: string) => void;
}

export function createPlatform(options: PlatformOptions): PlatformParts {
  const cachePrefix = `callboard-${randomUUID()}-`;
  const storage = new TokenStorage(options.store, options.profile, `${cachePrefix}platform`, options.log);
  const sdk = new SDK({
    server: options.serverUrl,
    clientId: options.clientId,
    clientSecret: options.clientSecret ?? undefined,
    cachePrefix,
    handleRateLimit: false,
    clearCacheOnRefreshError: false,
    refreshDelayMs: 0,
    refreshHandicapMs: options.renewMarginMs,
    appName: 'Callboard',
    // The SDK awaits every storage call (core/Cache.ts) though its option is typed as the DOM's
    // synchronous Storage; test/unit/core/connection/token-storage.test.ts checks the real fit. The
    // lint program resolves that DOM type to nothing (only Electron's Node types declare it).
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unnecessary-type-assertion
    localStorage: storage as unknown as SdkOptions['localStorage'],
    fetch: gatedFetch(options.requestLimitMs, options.authBudget),
    Request,
    Response,
    Headers,
  });
  return { platform: sdk.platform(), storage };
}

/**
 * Node's fetch, aborting any exchange that has not finished within `limitMs`. The timer keeps the
 * exchange reachable until it fires (measured: ~4 KB per request, released after `limitMs`); at the
 * poller's rate, at most 50 requests a minute, that is a bounded few dozen.
 */
export function fetchWithDeadline(limitMs: number): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    const signal = AbortSignal.any([request.signal, AbortSignal.timeout(limitMs)]);
    return fetch(request, { signal });
  };
}

/** The Auth group's endpoints (OpenAPI: x-throttling-group Auth). */
const AUTH_PATHS = /\/restapi\/oauth\/(token|revoke|wstoken)$/;

/** fetchWithDeadline, with token and revoke requests taken from the Auth budget (a 429 penalises it). */
export function gatedFetch(limitMs: number, budget: AuthBudget): typeof fetch {
  const send = fetchWithDeadline(limitMs);
  return async (input, init) => {
    const request = new Request(input, init);
    if (!AUTH_PATHS.test(new URL(request.url).pathname)) return send(request);
    budget.take();
    const response = await send(request);
    if (response.status === 429) {
      budget.penalize(parseRetryAfter(response.headers.get('retry-after'), Date.now()));
    }
    return response;
  };
}
