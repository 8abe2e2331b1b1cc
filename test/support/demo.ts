import type { Settings } from '../../contract/settings';
import { demoDirectory } from '../../emulator/data/demo-directory';
import type { DemoProfile } from '../../main/core/demo';
import { defaultSettings, type DefaultScope } from '../../main/core/settings/default-boards';
import { demoProfileOf } from '../../main/demo/embedded-demo';

/** The embedded demo's profile (the Northwind directory), optionally in another zone. */
export function demoProfile(timeZone?: string): DemoProfile {
  const profile = demoProfileOf(demoDirectory(), null);
  return timeZone ? { ...profile, timeZone } : profile;
}

/** The default boards' scope on the demo, in `timeZone` (default: the directory's own). */
export function demoScope(timeZone?: string): DefaultScope {
  return { kind: 'demo', demo: demoProfile(timeZone) };
}

/** A new install's settings on the demo, boards in `timeZone`. */
export function demoSettings(timeZone?: string): Settings {
  return defaultSettings(demoScope(timeZone));
}
