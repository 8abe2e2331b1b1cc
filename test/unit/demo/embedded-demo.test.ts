import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { demoDirectory } from '../../../emulator/data/demo-directory';
import type { DemoPlatform } from '../../../main/core/demo';
import { embeddedDemo } from '../../../main/demo/embedded-demo';
import { demoProfile } from '../../support/demo';

/** The embedded demo at night and on a Sunday: a working contact centre somewhere it is daytime. */

// Sunday 29 November 2026, 03:00 in London: the home centre is closed and asleep.
const SUNDAY_NIGHT = Date.parse('2026-11-29T03:00:00Z');
const LONDON_NOON = Date.parse('2026-11-25T12:00:00Z');
const platforms: DemoPlatform[] = [];

afterEach(async () => {
  await Promise.all(platforms.splice(0).map((platform) => platform.stop()));
});

async function inboundToday(platform: DemoPlatform, zone: string): Promise<number> {
  const basic = Buffer.from(`${platform.clientId}:${platform.clientSecret}`).toString('base64');
  const token = await fetch(`${platform.serverUrl}/restapi/oauth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion: platform.jwt,
    }),
  });
  const { access_token: accessToken } = (await token.json()) as { access_token: string };
  const local = DateTime.fromMillis(SUNDAY_NIGHT, { zone });
  const response = await fetch(`${platform.serverUrl}/analytics/calls/v1/accounts/~/aggregation/fetch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      grouping: { groupBy: 'Company' },
      timeSettings: {
        timeZone: zone,
        timeRange: { timeFrom: local.startOf('day').toUTC().toISO(), timeTo: local.toUTC().toISO() },
      },
      responseOptions: { counters: { callsByDirection: { aggregationType: 'Sum' } } },
    }),
  });
  const body = (await response.json()) as {
    data: { records: Array<{ counters: { callsByDirection: { values: { inbound: number } } } }> };
  };
  return body.data.records[0]!.counters.callsByDirection.values.inbound;
}

describe('embeddedDemo', () => {
  it('keeps the directory’s zone, with no note, when it is daytime there', () => {
    expect(embeddedDemo({ emulator: { now: LONDON_NOON } }).profile).toEqual(demoProfile());
  });

  it('runs somewhere it is daytime at night, says why, and keeps everything else', () => {
    const { profile } = embeddedDemo({ emulator: { now: SUNDAY_NIGHT } });
    expect(profile.timeZone).not.toBe('Europe/London');
    const local = DateTime.fromMillis(SUNDAY_NIGHT, { zone: profile.timeZone });
    expect(local.hour).toBeGreaterThanOrEqual(12);
    expect(local.hour).toBeLessThan(15);
    expect(profile.note).toMatch(/^Demo call centre on .+ time \(.+\) so that it is open now$/);
    expect(profile.note).toContain(profile.timeZone);
    expect({ ...profile, timeZone: 'Europe/London', note: null }).toEqual(demoProfile());
  });

  it('can be held to its home zone', () => {
    const { profile } = embeddedDemo({ zone: 'home', emulator: { now: SUNDAY_NIGHT } });
    expect(profile).toEqual(demoProfile());
  });

  it('serves a busy Sunday in the zone it picked', async () => {
    const demo = embeddedDemo({ emulator: { now: SUNDAY_NIGHT, historyDays: 0 } });
    const platform = await demo.start();
    platforms.push(platform);
    const health = (await (await fetch(`${platform.serverUrl}/__emulator/health`)).json()) as {
      account: { timeZone: string };
    };
    expect(health.account.timeZone).toBe(demo.profile.timeZone);
    // Closed, the Sunday so far would hold a dozen calls or so; open every day, it holds hundreds.
    expect(await inboundToday(platform, demo.profile.timeZone)).toBeGreaterThan(200);
    expect(demoDirectory().account.timeZone).toBe('Europe/London');
  });
});
