import { readFile, rename } from 'node:fs/promises';
import { z } from 'zod';
import { describeIssue } from '../../contract/describe-issue';
import { errorText } from '../../contract/error-text';
import { writeDurably } from '../core/files/durable-file';

/**
 * What the app remembers per display, across restarts and across a display going away and coming
 * back (a TV unplugged overnight): whether it shows a board and how (windowed, fullscreen, kiosk),
 * where the windowed board sat, and where the settings window opens. A small JSON file in userData,
 * written atomically, validated on load; a file that cannot be read is kept aside under a new name
 * and said so in the log, and the app starts from the defaults, so nothing is lost silently.
 */

export const DisplayChoiceSchema = z.enum(['off', 'windowed', 'fullscreen', 'kiosk']);
export type DisplayChoice = z.infer<typeof DisplayChoiceSchema>;

const RectangleSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

export const DisplayEntrySchema = z.object({
  /** The display's name when it was last seen, for the menu and for a person reading the file. */
  label: z.string().max(200),
  mode: DisplayChoiceSchema,
  bounds: RectangleSchema.nullable().default(null),
});
export type DisplayEntry = z.infer<typeof DisplayEntrySchema>;

export const DisplayMemorySchema = z.object({
  version: z.literal(1),
  displays: z.record(z.string().min(1).max(300), DisplayEntrySchema),
  /** The display the settings window opens on, once someone chose one. */
  settingsDisplay: z.string().max(300).nullable().default(null),
});
export type DisplayMemory = z.infer<typeof DisplayMemorySchema>;

export const EMPTY_MEMORY: DisplayMemory = { version: 1, displays: {}, settingsDisplay: null };

export class DisplayMemoryStore {
  private memory: DisplayMemory;
  private writes: Promise<void> = Promise.resolve();

  private constructor(
    private readonly path: string,
    initial: DisplayMemory,
    private readonly log: (line: string) => void,
  ) {
    this.memory = initial;
  }

  static async open(path: string, log: (line: string) => void, now = Date.now): Promise<DisplayMemoryStore> {
    return new DisplayMemoryStore(path, await loadMemory(path, log, now), log);
  }

  current(): DisplayMemory {
    return this.memory;
  }

  /** Applies a change at once (the windows follow it now) and writes it after the writes before it. */
  update(change: (memory: DisplayMemory) => DisplayMemory): Promise<void> {
    this.memory = DisplayMemorySchema.parse(change(this.memory));
    const text = `${JSON.stringify(this.memory, null, 2)}\n`;
    this.writes = this.writes
      .then(() => writeDurably(this.path, text, 0o644))
      .catch((error: unknown) => this.log(`displays: could not save ${this.path}: ${errorText(error)}`));
    return this.writes;
  }
}

async function loadMemory(
  path: string,
  log: (line: string) => void,
  now: () => number,
): Promise<DisplayMemory> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      log(`displays: could not read ${path} (${errorText(error)}); using the defaults`);
    return EMPTY_MEMORY;
  }
  const problem = problemWith(text);
  if (problem === null) return DisplayMemorySchema.parse(JSON.parse(text));
  const kept = `${path}.corrupt-${now()}`;
  const where = await rename(path, kept).then(
    () => `it is kept as ${kept}`,
    (error: unknown) => `it could not be moved aside (${errorText(error)})`,
  );
  log(`displays: ${path} is not valid (${problem}); ${where}, and every display starts from the defaults`);
  return EMPTY_MEMORY;
}

function problemWith(text: string): string | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return `not JSON: ${errorText(error)}`;
  }
  const parsed = DisplayMemorySchema.safeParse(data);
  return parsed.success ? null : describeIssue(parsed.error);
}
