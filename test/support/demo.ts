import type { Settings } from '../../contract/settings';
import { demoDirectory } from '../../emulator/data/demo-directory';
import type { DemoProfile } from '../../main/core/demo';
import { defaultSettings, type DefaultScope } from '../../main/core/settings/default-boards';
import { demoProfileOf } from '../../main/demo/embedded-demo';

/**
 * The embedded demo's profile (the Northwind directory) in its home zone, or as the demo runs it
 * elsewhere: in `timeZone`, with the `note` saying why (default: the note the demo would write).
 */
export function demoProfile(timeZone?: string, note?: string | null): DemoProfile {
  const profile = demoProfileOf(demoDirectory(), null);
  if (!timeZone || timeZone === profile.timeZone) return { ...profile, note: note ?? null };
  const city = timeZone.split('/').pop()?.replace(/_/g, ' ') ?? timeZone;
  const written = `Demo call centre on ${city} time (${timeZone}) so that it is open now`;
  return { ...profile, timeZone, note: note === undefined ? written : note };
}

/** The default boards' scope on the demo, in `timeZone` (default: the directory's own). */
export function demoScope(timeZone?: string): DefaultScope {
  return { kind: 'demo', demo: demoProfile(timeZone) };
}

/** A new install's settings on the demo, boards in `timeZone`. */
export function demoSettings(timeZone?: string): Settings {
  return defaultSettings(demoScope(timeZone));
}
