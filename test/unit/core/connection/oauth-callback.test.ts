import { SDK } from '@ringcentral/sdk';
import { describe, expect, it } from 'vitest';
import { SignInError } from '../../../../main/core/connection/errors';
import { codeFromCallback } from '../../../../main/core/connection/oauth-callback';

// The SDK's own parser (no network is involved in parsing).
const platform = new SDK({
  server: 'http://127.0.0.1:9',
  clientId: 'app',
  cachePrefix: 'callback-test-',
}).platform();
const parse = (search: string) => platform.parseLoginRedirect(search) as Record<string, string>;

function failure(search: string, state = 'state-1'): SignInError {
  try {
    codeFromCallback(search, state, parse);
  } catch (error) {
    if (error instanceof SignInError) return error;
    throw error;
  }
  throw new Error('expected a SignInError');
}

describe('codeFromCallback', () => {
  it('returns the code when the state matches', () => {
    expect(codeFromCallback('?code=c-1&state=state-1', 'state-1', parse)).toBe('c-1');
    expect(codeFromCallback('code=c-1&state=state-1', 'state-1', parse)).toBe('c-1');
  });

  it('refuses a mismatched or missing state before looking at the code', () => {
    expect(failure('?code=c-1&state=other').reason).toBe('stateMismatch');
    expect(failure('?code=c-1').reason).toBe('stateMismatch');
    expect(failure('?code=c-1&state=state-1x').message).toMatch(/state mismatch/);
    expect(failure('?code=c-1&state=other').message).not.toContain('c-1');
  });

  it('explains refused consent (error=access_denied)', () => {
    const error = failure('?error=access_denied&error_description=The+user+denied+access&state=state-1');
    expect(error.reason).toBe('denied');
    expect(error.message).toMatch(/Access was not granted.*The user denied access/);
  });

  it('passes on any other error the platform sent', () => {
    const error = failure('?error=server_error&state=state-1');
    expect(error.reason).toBe('refused');
    expect(error.message).toBe('RingCentral did not complete the sign-in: server_error');
  });

  it('refuses an answer without a code', () => {
    expect(failure('?state=state-1').message).toMatch(/no authorization code/);
  });
});
