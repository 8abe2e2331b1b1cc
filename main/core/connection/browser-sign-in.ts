import { randomBytes } from 'node:crypto';
import { callbackPage } from './callback-page';
import { SignInError } from './errors';
import { startLoopbackListener } from './loopback-listener';
import { codeFromCallback } from './oauth-callback';
import type { Platform } from './platform-factory';

/**
 * Browser sign-in: OAuth authorization code with PKCE (S256) and a random `state`, redirected to a
 * loopback listener. The SDK builds the authorize URL and keeps the PKCE verifier on the platform
 * instance (`platform.codeVerifier`, replaced by every `loginUrl()` call), so it is read right
 * after `loginUrl()` and handed to `login()` explicitly. The listener is closed on every path.
 */

export interface BrowserFlowOptions {
  platform: Platform;
  openBrowser: (url: string) => Promise<void>;
  timeoutMs: number;
  port?: number;
  /** Pre-fills the sign-in page (RingCentral's `login_hint`): an email or phone number. */
  loginHint?: string;
  signal?: AbortSignal;
  log: (line: string) => void;
  /** Registers values that must never be logged (the code, the verifier). */
  remember: (...secrets: string[]) => void;
  /** Runs after the code is redeemed and before the tab is told; throwing fails the sign-in. */
  complete: () => Promise<void>;
  /** Turns a failure into the error the caller sees (and the tab shows). */
  describe: (error: unknown) => Promise<Error>;
}

export async function browserSignIn(options: BrowserFlowOptions): Promise<void> {
  const { platform, log } = options;
  const listener = await startLoopbackListener({
    port: options.port,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
  });
  try {
    const state = randomBytes(24).toString('base64url');
    const url = platform.loginUrl({
      redirectUri: listener.redirectUri,
      state,
      usePKCE: true,
      loginHint: options.loginHint,
    });
    const verifier = platform.codeVerifier;
    options.remember(verifier);
    log(`connection: waiting for the browser sign-in on ${listener.redirectUri}`);
    const answer = await Promise.race([listener.callback, opened(options.openBrowser, url)]);
    try {
      const code = codeFromCallback(answer.search, state, (search) => platform.parseLoginRedirect(search));
      options.remember(code);
      await platform.login({ code, redirect_uri: listener.redirectUri, code_verifier: verifier });
      await options.complete();
      await answer.reply(callbackPage({ ok: true }));
    } catch (error) {
      const failure = await options.describe(error);
      await answer.reply(callbackPage({ ok: false, message: failure.message }));
      throw failure;
    }
  } catch (error) {
    throw await options.describe(error);
  } finally {
    await listener.close();
  }
}

/**
 * Never resolves once the browser has been asked to open (the answer comes through the listener),
 * rejects when it could not be. Not awaited on its own: a test's "browser" may only return after
 * the listener has answered it, which happens after the sign-in completes.
 */
function opened(openBrowser: (url: string) => Promise<void>, url: string): Promise<never> {
  return Promise.resolve()
    .then(() => openBrowser(url))
    .then(
      () => new Promise<never>(() => {}),
      (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        throw new SignInError(`Could not open the web browser for sign-in: ${reason}`, 'browser');
      },
    );
}
