import { randomInt } from 'node:crypto';
import { PAIRING_CODE_DIGITS, type PairingCode } from '../../contract/screens';
import { AttemptLimiter } from './attempt-limiter';

/**
 * Pairing codes: so nobody types a 32-character key on a TV remote. An admin asks for a code (named
 * for the screen it is meant for); the TV opens /pair and types six digits. A code works once and
 * for CODE_LIFETIME_MS. Guessing is bounded: at most PAIRING_ATTEMPTS.perHub wrong codes a minute
 * for the whole hub (so ten minutes allow 200 guesses against a million codes, with at most
 * MAX_OPEN_CODES open: 1 in 250 for them all), and perCaller for one machine, so one machine failing
 * on purpose cannot lock the others out for long.
 */

export const CODE_LIFETIME_MS = 10 * 60_000;
export const PAIRING_ATTEMPTS = { perCaller: 5, perHub: 20 } as const;
export const MAX_OPEN_CODES = 20;

export type PairingOutcome =
  { ok: true; name: string } | { ok: false; reason: 'wrong' | 'tooMany'; error: string };

export class PairingCodes {
  private readonly open = new Map<string, { name: string; expiresAt: number }>();
  private readonly attempts: AttemptLimiter;

  constructor(private readonly now: () => number = Date.now) {
    this.attempts = new AttemptLimiter(PAIRING_ATTEMPTS, now);
  }

  issue(name: string): PairingCode {
    this.expire();
    if (this.open.size >= MAX_OPEN_CODES) {
      const oldest = [...this.open.entries()].sort((a, b) => a[1].expiresAt - b[1].expiresAt)[0];
      if (oldest) this.open.delete(oldest[0]);
    }
    let code: string;
    do code = String(randomInt(0, 10 ** PAIRING_CODE_DIGITS)).padStart(PAIRING_CODE_DIGITS, '0');
    while (this.open.has(code));
    const expiresAt = this.now() + CODE_LIFETIME_MS;
    this.open.set(code, { name, expiresAt });
    return { code, name, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** A screen (`caller`: its address) typed `typed`: the name it pairs as, or why not. A right code is used up. */
  redeem(typed: string, caller: string): PairingOutcome {
    if (this.attempts.blocked(caller)) {
      return {
        ok: false,
        reason: 'tooMany',
        error: 'Too many tries. Wait a minute, then type the code again.',
      };
    }
    this.expire();
    const code = typed.replace(/[\s-]/g, '');
    const entry = this.open.get(code);
    if (!entry) {
      this.attempts.fail(caller);
      return {
        ok: false,
        reason: 'wrong',
        error:
          'That code is not valid. Codes work once, for 10 minutes: ask for a new one in Callboard’s settings.',
      };
    }
    this.open.delete(code);
    return { ok: true, name: entry.name };
  }

  private expire(): void {
    const now = this.now();
    for (const [code, entry] of this.open) if (entry.expiresAt <= now) this.open.delete(code);
  }
}
