import type { Redactor } from './redact';
import { describeSignInFailure, isTransportFailure } from './sign-in-failure';

/**
 * What happens when a session dies (renewal refused, revoked, expired): sign in again with the
 * stored JWT, or ask the person to. Never a loop: the token endpoint allows 5 calls a minute, so
 * there is at most one automatic sign-in per cooldown, one attempt at a time (parallel requests
 * that notice together share it), and an unreachable platform is retried by a timer, once per
 * cooldown, not by every request.
 */

export interface RecoveryHooks {
  serverUrl: string;
  cooldownMs: number;
  redactor: Redactor;
  log: (line: string) => void;
  /** Forget the dead session's tokens. */
  discard: () => Promise<void>;
  readJwt: () => Promise<string | null>;
  /** Sign in with the JWT and become signedIn; false when the result is no longer wanted. */
  login: (jwt: string) => Promise<boolean>;
  needSignIn: (message: string) => void;
  unreachable: (message: string) => void;
}

export class JwtRecovery {
  private running: Promise<boolean> | null = null;
  private lastLogin = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly hooks: RecoveryHooks) {}

  /** The attempt in progress, if any. */
  get inFlight(): Promise<boolean> | null {
    return this.running;
  }

  /** Resolves true when a new session is signed in. */
  run(reason: string): Promise<boolean> {
    this.running ??= this.attempt(reason).finally(() => (this.running = null));
    return this.running;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async attempt(reason: string): Promise<boolean> {
    const { hooks } = this;
    this.stop();
    await hooks.discard();
    const jwt = await hooks.readJwt().catch(() => null);
    if (!jwt) {
      hooks.needSignIn(`${reason}. Sign in to RingCentral again.`);
      return false;
    }
    if (Date.now() - this.lastLogin < hooks.cooldownMs) {
      hooks.needSignIn(`${reason} again right after signing in automatically. Sign in to RingCentral again.`);
      return false;
    }
    this.lastLogin = Date.now();
    hooks.redactor.remember(jwt);
    hooks.log(`connection: ${reason}; signing in again with the stored JWT`);
    try {
      return await hooks.login(jwt);
    } catch (error) {
      await this.failed(error);
      return false;
    }
  }

  private async failed(error: unknown): Promise<void> {
    const { hooks } = this;
    const failure = await describeSignInFailure(error, hooks.serverUrl);
    const message = hooks.redactor.apply(failure.message);
    hooks.log(`connection: automatic sign-in failed: ${message}`);
    if (!isTransportFailure(failure)) {
      hooks.needSignIn(message);
      return;
    }
    // Unreachable, not refused: the JWT may well work later.
    hooks.unreachable(`${message}. Trying again shortly.`);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run('Signing in again');
    }, hooks.cooldownMs);
    this.timer.unref();
  }
}
