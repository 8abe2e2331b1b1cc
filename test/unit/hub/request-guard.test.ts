import { describe, expect, it } from 'vitest';
import {
  hostName,
  HostPolicy,
  isJsonContentType,
  refusePost,
  sameOrigin,
} from '../../../main/hub/request-guard';

/** The Host, Origin and Content-Type rules that stop DNS rebinding and cross-site requests. */

describe('Host names the hub answers to', () => {
  const policy = new HostPolicy(['Callboard.Office.Example.', 'tv-hub']);

  it.each([
    '127.0.0.1:4180',
    '127.0.0.1',
    '192.168.1.20:4180',
    '[::1]:4180',
    '[fe80::1]',
    'localhost:4180',
    'LOCALHOST',
    'callboard.office.example',
    'callboard.office.example.:443',
    'tv-hub:4180',
  ])('accepts %s', (host) => {
    expect(policy.allows(host)).toBe(true);
  });

  it.each([
    'attacker.example',
    'attacker.example:4180',
    '127.0.0.1.attacker.example',
    'localhost.attacker.example',
    'office.example',
    'callboard.office.example.evil',
    '',
    'a b',
    'user@127.0.0.1',
    '[not-an-ip]',
  ])('refuses %j', (host) => {
    expect(policy.allows(host)).toBe(false);
  });

  it('refuses a request without a Host', () => {
    expect(policy.allows(undefined)).toBe(false);
  });

  it('lists the configured names for the banner, normalized', () => {
    expect(policy.configuredNames).toEqual(['callboard.office.example', 'tv-hub']);
  });

  it('refuses to be configured with something that is not a host name', () => {
    expect(() => new HostPolicy(['http://x.example/'])).toThrow(/not a host name/);
    expect(hostName('x.example:99999999')).toBeNull();
  });
});

describe('Origin of a POST', () => {
  it('accepts none (curl, scripts) and the hub itself, whatever the scheme', () => {
    expect(sameOrigin(undefined, '127.0.0.1:4180')).toBe(true);
    expect(sameOrigin('http://127.0.0.1:4180', '127.0.0.1:4180')).toBe(true);
    expect(sameOrigin('https://callboard.office.example', 'callboard.office.example')).toBe(true);
  });

  it.each([
    ['http://attacker.example', '127.0.0.1:4180'],
    ['http://127.0.0.1:9999', '127.0.0.1:4180'],
    ['null', '127.0.0.1:4180'],
    ['file://', '127.0.0.1:4180'],
    ['http://127.0.0.1:4180', undefined],
  ])('refuses Origin %s for Host %s', (origin, host) => {
    expect(sameOrigin(origin, host)).toBe(false);
  });
});

describe('Content-Type of a POST', () => {
  it('is JSON, with or without parameters, in any case', () => {
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType('Application/JSON; charset=utf-8')).toBe(true);
    for (const other of [
      undefined,
      '',
      'text/plain',
      'application/jsonx',
      'application/x-www-form-urlencoded',
    ])
      expect(isJsonContentType(other)).toBe(false);
  });

  it('names the reason for a refusal: the site first, then the type', () => {
    expect(
      refusePost({ origin: 'http://evil.example', host: 'localhost', 'content-type': 'text/plain' }),
    ).toEqual({
      status: 403,
      error: 'Refused: this request came from another web site.',
    });
    expect(refusePost({ host: 'localhost', 'content-type': 'text/plain' })?.status).toBe(415);
    expect(refusePost({ host: 'localhost', 'content-type': 'application/json' })).toBeNull();
  });
});
