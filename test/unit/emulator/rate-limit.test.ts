import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../emulator/http/rate-limit';

describe('RateLimiter', () => {
  const limits = { light: { limit: 3, windowSeconds: 60, penaltySeconds: 60 } };

  it('counts down X-Rate-Limit-Remaining in a sliding window per key', () => {
    const limiter = new RateLimiter(limits);
    const remaining = [0, 1, 2].map(
      (i) => limiter.check('light', 'user|app', 1000 + i).headers['X-Rate-Limit-Remaining'],
    );
    expect(remaining).toEqual(['2', '1', '0']);
    expect(limiter.check('light', 'other|app', 1003).allowed).toBe(true);
    const headers = limiter.check('light', 'other|app', 1004).headers;
    expect(headers).toMatchObject({
      'X-Rate-Limit-Group': 'light',
      'X-Rate-Limit-Limit': '3',
      'X-Rate-Limit-Window': '60',
    });
  });

  it('refuses over the limit with Retry-After, and restarts the penalty on each request during it', () => {
    const limiter = new RateLimiter(limits);
    for (let i = 0; i < 3; i++) limiter.check('light', 'k', 0);
    const over = limiter.check('light', 'k', 1000);
    expect(over.allowed).toBe(false);
    expect(over.duringPenalty).toBe(false);
    expect(over.headers['Retry-After']).toBe('60');
    // At 50 s, still in the penalty: refused, and the penalty now runs to 110 s.
    const during = limiter.check('light', 'k', 50_000);
    expect(during).toMatchObject({ allowed: false, duringPenalty: true });
    expect(limiter.check('light', 'k', 105_000).allowed).toBe(false); // the old penalty would have ended at 61 s
    expect(limiter.check('light', 'k', 165_001).allowed).toBe(true);
  });

  it('slides the window: old requests stop counting after windowSeconds', () => {
    const limiter = new RateLimiter(limits);
    limiter.check('light', 'k', 0);
    limiter.check('light', 'k', 30_000);
    limiter.check('light', 'k', 40_000);
    expect(limiter.check('light', 'k', 60_001).headers['X-Rate-Limit-Remaining']).toBe('0');
  });

  it('starts a penalty of a fault’s own length, restarted at that length', () => {
    const limiter = new RateLimiter(limits);
    const started = limiter.check('light', 'k', 0, 5);
    expect(started).toMatchObject({ allowed: false, duringPenalty: false });
    expect(started.headers['Retry-After']).toBe('5');
    const during = limiter.check('light', 'k', 4_000);
    expect(during).toMatchObject({ allowed: false, duringPenalty: true });
    expect(during.headers['Retry-After']).toBe('5');
    expect(limiter.check('light', 'k', 9_001).allowed).toBe(true);
  });
});
