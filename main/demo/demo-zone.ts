import { DateTime } from 'luxon';

/**
 * Where on Earth the demo's call centre works today. A call centre seen at night, or on a Sunday, is
 * an empty board, and a newcomer opening Callboard at 23:00 would conclude nothing works. So the demo
 * moves its call centre to a city where it is daytime now: its home zone (the directory's) whenever
 * it is daytime there, otherwise the city whose clock is nearest early afternoon. The choice depends
 * on the instant (and the home zone) only: no randomness, no reading of the machine's own zone.
 */

/** A zone the demo may run in, with the city people know it by. */
export interface DemoCity {
  readonly zone: string;
  readonly city: string;
}

/**
 * Contact-centre cities from UTC−10 to UTC+13, west to east. Together they cover every whole-hour
 * offset all year except −2 (and −9 while Alaska keeps summer time): no city where anyone would put
 * a contact centre keeps those, and the cities either side are then an hour from early afternoon.
 */
export const DEMO_CITIES: readonly DemoCity[] = [
  { zone: 'Pacific/Honolulu', city: 'Honolulu' }, // −10
  { zone: 'America/Anchorage', city: 'Anchorage' }, // −9, summer −8
  { zone: 'America/Los_Angeles', city: 'Los Angeles' }, // −8, summer −7
  { zone: 'America/Phoenix', city: 'Phoenix' }, // −7
  { zone: 'America/Mexico_City', city: 'Mexico City' }, // −6
  { zone: 'America/Chicago', city: 'Chicago' }, // −6, summer −5
  { zone: 'America/Bogota', city: 'Bogotá' }, // −5
  { zone: 'America/New_York', city: 'New York' }, // −5, summer −4
  { zone: 'America/Santo_Domingo', city: 'Santo Domingo' }, // −4
  { zone: 'America/Halifax', city: 'Halifax' }, // −4, summer −3
  { zone: 'America/Sao_Paulo', city: 'São Paulo' }, // −3
  { zone: 'America/Nuuk', city: 'Nuuk' }, // −2, summer −1
  { zone: 'Atlantic/Cape_Verde', city: 'Praia' }, // −1
  { zone: 'Africa/Accra', city: 'Accra' }, // 0
  { zone: 'Europe/London', city: 'London' }, // 0, summer +1
  { zone: 'Africa/Lagos', city: 'Lagos' }, // +1
  { zone: 'Europe/Berlin', city: 'Berlin' }, // +1, summer +2
  { zone: 'Africa/Johannesburg', city: 'Johannesburg' }, // +2
  { zone: 'Africa/Cairo', city: 'Cairo' }, // +2, summer +3
  { zone: 'Africa/Nairobi', city: 'Nairobi' }, // +3
  { zone: 'Asia/Dubai', city: 'Dubai' }, // +4
  { zone: 'Asia/Karachi', city: 'Karachi' }, // +5
  { zone: 'Asia/Kolkata', city: 'Kolkata' }, // +5:30
  { zone: 'Asia/Dhaka', city: 'Dhaka' }, // +6
  { zone: 'Asia/Bangkok', city: 'Bangkok' }, // +7
  { zone: 'Asia/Manila', city: 'Manila' }, // +8
  { zone: 'Asia/Tokyo', city: 'Tokyo' }, // +9
  { zone: 'Australia/Brisbane', city: 'Brisbane' }, // +10
  { zone: 'Australia/Sydney', city: 'Sydney' }, // +10, summer +11
  { zone: 'Pacific/Noumea', city: 'Nouméa' }, // +11
  { zone: 'Pacific/Fiji', city: 'Suva' }, // +12
  { zone: 'Pacific/Auckland', city: 'Auckland' }, // +12, summer +13
  { zone: 'Pacific/Apia', city: 'Apia' }, // +13
];

/**
 * Daytime for the demo, in minutes since local midnight: from 10:00, when the synthetic centre has
 * two busy hours behind it (it opens at 08:00), until 17:00, an hour before it closes.
 */
export const DEMO_DAYTIME: readonly [number, number] = [10 * 60, 17 * 60];
/** Early afternoon: the whole morning's calls on the board and the afternoon still coming in. */
export const DEMO_TARGET_MINUTE = 13 * 60 + 30;

export interface DemoZoneChoice {
  readonly timeZone: string;
  /** Why the demo runs in this zone, for the board; null when it runs in its home zone. */
  readonly note: string | null;
}

/** The zone the demo's call centre runs in at `instant` (ms), given its home zone. */
export function pickDemoZone(instant: number, homeZone: string): DemoZoneChoice {
  const home = minuteOfDay(instant, homeZone);
  if (home !== null && home >= DEMO_DAYTIME[0] && home < DEMO_DAYTIME[1]) {
    return { timeZone: homeZone, note: null };
  }
  let best: { city: DemoCity; distance: number } | null = null;
  for (const city of DEMO_CITIES) {
    const minute = minuteOfDay(instant, city.zone);
    if (minute === null) continue;
    const distance = Math.abs(minute - DEMO_TARGET_MINUTE);
    // Strictly nearer only: on a tie the city listed first (further west) wins, so the rule is total.
    if (!best || distance < best.distance) best = { city, distance };
  }
  if (!best || best.city.zone === homeZone) return { timeZone: homeZone, note: null };
  return {
    timeZone: best.city.zone,
    note: `Demo call centre on ${best.city.city} time (${best.city.zone}) so that it is open now`,
  };
}

/** Wall-clock minutes since local midnight in `zone`, or null for a zone this runtime does not know. */
export function minuteOfDay(instant: number, zone: string): number | null {
  const local = DateTime.fromMillis(instant, { zone });
  return local.isValid ? local.hour * 60 + local.minute : null;
}
