import { describe, expect, it } from 'vitest';
import { toApiResponse, transportError } from '../../../../main/core/connection/api-send';
import { NetworkError, TimeoutError } from '../../../../main/core/connection/errors';
import { TRANSPORT_ERRORS } from '../../../../main/core/poller/transport';

const SERVER = 'https://platform.ringcentral.com';

describe('transportError', () => {
  it('a failed fetch is a NetworkError naming the host and the cause, with the poller-facing name', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' });
    const error = transportError(new TypeError('fetch failed', { cause }), SERVER);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error?.name).toBe(TRANSPORT_ERRORS.network);
    expect(error?.message).toBe('Cannot reach platform.ringcentral.com: connection refused (ECONNREFUSED)');
  });

  it('a dropped socket (undici) is a NetworkError', () => {
    const cause = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    expect(transportError(new TypeError('fetch failed', { cause }), SERVER)?.message).toMatch(
      /connection dropped \(UND_ERR_SOCKET\)/,
    );
  });

  it('the per-exchange limit (AbortSignal.timeout) is a TimeoutError', () => {
    const error = transportError(new DOMException('The operation timed out', 'TimeoutError'), SERVER);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error?.name).toBe(TRANSPORT_ERRORS.timeout);
  });

  it('anything with an HTTP answer, or a cancel, is not a transport failure', () => {
    expect(transportError(Object.assign(new Error('400 Bad Request'), { response: {} }), SERVER)).toBeNull();
    expect(transportError(new DOMException('cancelled', 'AbortError'), SERVER)).toBeNull();
  });
});

describe('toApiResponse', () => {
  it('lower-cases header names and parses JSON', async () => {
    const response = new Response('{"a":1}', { status: 429, headers: { 'Retry-After': '60' } });
    expect(await toApiResponse(response)).toEqual({
      status: 429,
      headers: { 'content-type': 'text/plain;charset=UTF-8', 'retry-after': '60' },
      body: { a: 1 },
      bodyText: '{"a":1}',
    });
  });

  it('keeps malformed JSON as text with no body, and an empty body as undefined', async () => {
    const malformed = await toApiResponse(new Response('{"paging":{"page":1', { status: 200 }));
    expect(malformed.body).toBeUndefined();
    expect(malformed.bodyText).toBe('{"paging":{"page":1');
    const empty = await toApiResponse(new Response(null, { status: 204 }));
    expect(empty).toMatchObject({ status: 204, body: undefined, bodyText: '' });
  });
});
