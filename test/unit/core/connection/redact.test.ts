import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor, redact } from '../../../../main/core/connection/redact';

describe('redact', () => {
  it('removes known secret values wherever they appear', () => {
    const line = 'login with jwt callboard-demo-jwt failed for secret s3cr3t-value (again: s3cr3t-value)';
    const out = redact(line, ['callboard-demo-jwt', 's3cr3t-value']);
    expect(out).not.toContain('callboard-demo-jwt');
    expect(out).not.toContain('s3cr3t-value');
    expect(out).toBe(`login with jwt ${REDACTED} failed for secret ${REDACTED} (again: ${REDACTED})`);
  });

  it('removes the longer of two overlapping secrets whole', () => {
    expect(redact('token abcdef123456', ['abcdef', 'abcdef123456'])).toBe(`token ${REDACTED}`);
  });

  it('ignores values too short to be credentials', () => {
    expect(redact('a b c', ['a', 'b'])).toBe('a b c');
  });

  it.each([
    ['Authorization: Bearer U0pDMTFQMDFQQVMwMHxBQUJ', `Authorization: Bearer ${REDACTED}`],
    ['Authorization: Basic Y2FsbGJvYXJkLWRlbW86c2VjcmV0', `Authorization: Basic ${REDACTED}`],
    ['GET /callback?code=U0pDMTFQ&state=xyz', `GET /callback?code=${REDACTED}&state=xyz`],
    [
      'grant_type=refresh_token&refresh_token=abc.def&access_token_ttl=3600',
      `grant_type=refresh_token&refresh_token=${REDACTED}&access_token_ttl=3600`,
    ],
    ['code_verifier=x-y_z', `code_verifier=${REDACTED}`],
    ['assertion=eyJhbGciOi', `assertion=${REDACTED}`],
    ['{"access_token": "abc", "expires_in": 3600}', `{"access_token":"${REDACTED}", "expires_in": 3600}`],
    ['{"client_secret":"shh"}', `{"client_secret":"${REDACTED}"}`],
    ['jwt eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl here', `jwt ${REDACTED} here`],
  ])('removes credential-shaped text: %s', (line, expected) => {
    expect(redact(line)).toBe(expected);
  });

  it('leaves ordinary messages alone', () => {
    const line =
      'timeSettings.timeZone: is not an IANA time zone name (CMN-101); Basic information; errorCode=CMN-101';
    expect(redact(line)).toBe(line);
  });
});

describe('Redactor', () => {
  it('remembers secrets and redacts every line a wrapped log receives', () => {
    const lines: string[] = [];
    const redactor = new Redactor();
    const log = redactor.wrap((line) => lines.push(line));
    redactor.remember('access-token-1', null, undefined, '');
    log('sent access-token-1 to the server');
    redactor.remember('refresh-token-2');
    log('renewed with refresh-token-2, old access-token-1');
    expect(lines).toEqual([`sent ${REDACTED} to the server`, `renewed with ${REDACTED}, old ${REDACTED}`]);
  });

  it('keeps a bounded list: the oldest remembered values are dropped first', () => {
    const redactor = new Redactor(2);
    redactor.remember('secret-one', 'secret-two', 'secret-three');
    expect(redactor.apply('secret-one secret-two secret-three')).toBe(`secret-one ${REDACTED} ${REDACTED}`);
  });
});
