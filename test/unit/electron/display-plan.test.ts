import { describe, expect, it } from 'vitest';
import { EMPTY_MEMORY, type DisplayMemory } from '../../../main/electron/display-memory';
import { chooseSettingsDisplay, describeDisplays, planBoards } from '../../../main/electron/display-plan';
import { display } from './displays';

/** Which display gets which board, and where settings open, from what is connected and remembered. */

const laptop = display(1, 'Built-in Retina', 0, 1440, 900);
const tv = display(2, 'LG TV', 1440, 3840, 2160);

/** Memory as the app writes it: keyed by name and resolution, labelled with the display's name. */
function remember(entries: Record<string, 'off' | 'windowed' | 'fullscreen' | 'kiosk'>): DisplayMemory {
  const label = (key: string) => key.replace(/ \d+x\d+( #\d+)?$/, '');
  const displays = Object.fromEntries(
    Object.entries(entries).map(([key, mode]) => [key, { label: label(key), mode, bounds: null }]),
  );
  return { ...EMPTY_MEMORY, displays };
}

describe('display keys', () => {
  it('know a display by name and resolution, so a TV plugged back in under a new id is the same TV', () => {
    const before = describeDisplays([laptop, tv], 1);
    const after = describeDisplays([laptop, { ...tv, id: 99 }], 1);
    expect(after[1]?.key).toBe(before[1]?.key);
    expect(before.map((info) => info.key)).toEqual(['Built-in Retina 1440x900', 'LG TV 3840x2160']);
    expect(before[0]?.primary).toBe(true);
  });

  it('tell identical twins apart by their place from the left', () => {
    const keys = describeDisplays([display(5, 'Dell', 1920), display(4, 'Dell', 0)], 4).map(
      (info) => info.key,
    );
    expect(keys).toEqual(['Dell 1920x1080', 'Dell 1920x1080 #2']);
  });
});

describe('planBoards', () => {
  const infos = describeDisplays([laptop, tv], 1);

  it('opens one windowed board on the primary display the first time, not remembered', () => {
    expect(planBoards(infos, EMPTY_MEMORY)).toEqual([
      { display: infos[0], mode: 'windowed', fallback: true },
    ]);
  });

  it('opens the remembered mode on each remembered display, and nothing elsewhere', () => {
    const memory = remember({ 'LG TV 3840x2160': 'kiosk' });
    expect(planBoards(infos, memory)).toEqual([{ display: infos[1], mode: 'kiosk', fallback: false }]);
  });

  it('falls back to a windowed board while the remembered TV is unplugged, and back to kiosk when it returns', () => {
    const memory = remember({ 'LG TV 3840x2160': 'kiosk' });
    const laptopOnly = describeDisplays([laptop], 1);
    expect(planBoards(laptopOnly, memory)).toEqual([
      { display: laptopOnly[0], mode: 'windowed', fallback: true },
    ]);
    expect(planBoards(infos, memory).map((placement) => placement.mode)).toEqual(['kiosk']);
  });

  it('keeps a TV’s board when the TV changes resolution (its name still matches one entry)', () => {
    const memory = remember({ 'LG TV 3840x2160': 'kiosk' });
    const tv1080 = describeDisplays([laptop, { ...tv, size: { width: 1920, height: 1080 } }], 1);
    expect(planBoards(tv1080, memory)).toEqual([{ display: tv1080[1], mode: 'kiosk', fallback: false }]);
  });

  it('shows no board when every connected display was switched off', () => {
    expect(
      planBoards(infos, remember({ 'Built-in Retina 1440x900': 'off', 'LG TV 3840x2160': 'off' })),
    ).toEqual([]);
  });
});

describe('chooseSettingsDisplay', () => {
  const infos = describeDisplays([tv, laptop], 2);

  it('never lands on a display showing a fullscreen or kiosk board unless asked', () => {
    const memory = remember({ 'LG TV 3840x2160': 'kiosk' });
    const chosen = chooseSettingsDisplay(infos, memory, planBoards(infos, memory));
    expect(chosen?.label).toBe('Built-in Retina');
  });

  it('opens where someone asked for it, even on the TV', () => {
    const memory = { ...remember({ 'LG TV 3840x2160': 'kiosk' }), settingsDisplay: 'LG TV 3840x2160' };
    expect(chooseSettingsDisplay(infos, memory, planBoards(infos, memory))?.label).toBe('LG TV');
  });

  it('uses the primary display when every display is a TV (opening settings is asking)', () => {
    const only = describeDisplays([tv], 2);
    const memory = remember({ 'LG TV 3840x2160': 'kiosk' });
    expect(chooseSettingsDisplay(only, memory, planBoards(only, memory))?.label).toBe('LG TV');
  });
});
