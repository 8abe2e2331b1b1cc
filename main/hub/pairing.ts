import { randomInt } from 'node:crypto';
import { PAIRING_CODE_DIGITS, type PairingCode } from '../../contract/screens';

/**
 * Pairing codes: so nobody types a 32-character key on a TV remote. An admin asks for a code (named
 * for the screen it is meant for); the TV opens /pair and types six digits. A code works once and
 * for CODE_LIFETIME_MS. Guessing is bounded hub-wide: at most ATTEMPTS_PER_MINUTE tries a minute,
 * so a code's ten minutes allow 100 guesses out of a million.
 */

export const CODE_LIFETIME_MS = 10 * 60_000;
export const ATTEMPTS_PER_MINUTE = 10;
const MAX_OPEN_CODES = 20;

export type PairingOutcome =
  { ok: true; name: string } | { ok: false; reason: 'wrong' | 'tooMany'; error: string };

export class PairingCodes {
  private readonly open = new Map<string, { name: string; expiresAt: number }>();
  private attempts: number[] = [];

  constructor(private readonly now: () => number = Date.now) {}

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

  /** A screen typed `typed`: the name it pairs as, or why not. A right code is used up. */
  redeem(typed: string): PairingOutcome {
    const now = this.now();
    this.attempts = this.attempts.filter((at) => now - at < 60_000);
    if (this.attempts.length >= ATTEMPTS_PER_MINUTE) {
      return {
        ok: false,
        reason: 'tooMany',
        error: 'Too many tries. Wait a minute, then type the code again.',
      };
    }
    this.attempts.push(now);
    this.expire();
    const code = typed.replace(/[\s-]/g, '');
    const entry = this.open.get(code);
    if (!entry) {
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
