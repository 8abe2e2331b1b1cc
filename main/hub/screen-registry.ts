import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, rename } from 'node:fs/promises';
import { z } from 'zod';
import { describeIssue } from '../../contract/describe-issue';
import { errorText } from '../../contract/error-text';
import { ScreenNameSchema, type ScreenInfo } from '../../contract/screens';
import { removeInterruptedWrites, writeDurably } from '../core/files/durable-file';
import { readJsonText } from '../core/json-text';

/**
 * The screens a LAN hub has let in, each with its own revocable token. A token is `<id>.<secret>`;
 * the hub keeps only a SHA-256 of the secret (a copied screens.json lets nobody in), compares in
 * constant time, and writes the file durably so a revocation survives a crash. Bounded: past
 * MAX_SCREENS the screen seen least recently is forgotten (it can join again with the key or a code).
 */

export const MAX_SCREENS = 500;
/** lastSeenAt is kept to the minute in memory and written at most this often per screen. */
const SEEN_WRITE_MS = 3_600_000;

const StoredScreenSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{8,32}$/),
  name: ScreenNameSchema,
  joinedWith: z.enum(['key', 'code']),
  joinedAt: z.string(),
  lastSeenAt: z.string().nullable(),
  lastAddress: z.string().max(100).nullable(),
  secretHash: z.string().regex(/^[0-9a-f]{64}$/),
});
type StoredScreen = z.infer<typeof StoredScreenSchema>;
const ScreensFileSchema = z.object({ version: z.literal(1), screens: z.array(StoredScreenSchema) });

export interface ScreenJoin {
  name: string;
  joinedWith: 'key' | 'code';
  address: string | null;
}

export class ScreenRegistry {
  private readonly screens = new Map<string, StoredScreen>();
  private readonly lastWritten = new Map<string, number>();
  private writing: Promise<void> = Promise.resolve();
  /** Whether a screen has a stream open now (set by the hub): such a screen is never forgotten. */
  isConnected: (id: string) => boolean = () => false;

  private constructor(
    /** null: kept in memory only (a hub on loopback, where no screen joins). */
    private readonly path: string | null,
    private readonly log: (line: string) => void,
    private readonly now: () => number,
  ) {}

  /** A registry that is never written: for a hub that serves this machine only. */
  static inMemory(): ScreenRegistry {
    return new ScreenRegistry(null, () => {}, Date.now);
  }

  /** Loads the file (missing: none yet; unreadable: set aside, named in the log, and start empty). */
  static async open(
    path: string,
    log: (line: string) => void,
    now: () => number = Date.now,
  ): Promise<ScreenRegistry> {
    const registry = new ScreenRegistry(path, log, now);
    await removeInterruptedWrites(path);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      return registry;
    }
    const problem = registry.load(text);
    if (problem !== null) {
      const aside = `${path}.unreadable-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
      await rename(path, aside).catch(() => {});
      log(
        `screens: ${path} ${problem}; kept as ${aside}. Screens must join again (access key or pairing code).`,
      );
    }
    return registry;
  }

  get size(): number {
    return this.screens.size;
  }

  /** Lets a screen in: its token, to be set as its cookie. */
  async register(join: ScreenJoin): Promise<{ id: string; token: string }> {
    const id = randomBytes(9).toString('base64url');
    const secret = randomBytes(24).toString('base64url');
    const at = new Date(this.now()).toISOString();
    this.screens.set(id, {
      id,
      name: ScreenNameSchema.catch('Screen').parse(join.name),
      joinedWith: join.joinedWith,
      joinedAt: at,
      lastSeenAt: at,
      lastAddress: join.address,
      secretHash: hash(secret),
    });
    this.evictBeyondLimit(id);
    await this.save();
    return { id, token: `${id}.${secret}` };
  }

  /** The screen a token belongs to, or null (unknown, revoked, or not a screen token at all). */
  verify(token: string | undefined): string | null {
    if (token === undefined) return null;
    const dot = token.indexOf('.');
    if (dot <= 0) return null;
    const screen = this.screens.get(token.slice(0, dot));
    if (!screen) return null;
    const given = Buffer.from(hash(token.slice(dot + 1)), 'hex');
    return timingSafeEqual(given, Buffer.from(screen.secretHash, 'hex')) ? screen.id : null;
  }

  /** A screen asked for something: remember when and from where (written now and then, not every time). */
  seen(id: string, address: string | null): void {
    const screen = this.screens.get(id);
    if (!screen) return;
    const now = this.now();
    screen.lastSeenAt = new Date(now).toISOString();
    const moved = screen.lastAddress !== address;
    screen.lastAddress = address;
    if (moved || now - (this.lastWritten.get(id) ?? 0) >= SEEN_WRITE_MS) {
      this.lastWritten.set(id, now);
      void this.save().catch((error: unknown) => this.log(`screens: could not save: ${errorText(error)}`));
    }
  }

  async rename(id: string, name: string): Promise<boolean> {
    const screen = this.screens.get(id);
    if (!screen) return false;
    screen.name = name;
    await this.save();
    return true;
  }

  /** Shuts a screen out: its token stops working at once, and for good. */
  async revoke(id: string): Promise<boolean> {
    if (!this.screens.delete(id)) return false;
    this.lastWritten.delete(id);
    await this.save();
    return true;
  }

  /** Resolves once every write begun so far has finished (before the hub exits). */
  async flush(): Promise<void> {
    await this.writing;
  }

  list(connected: (id: string) => number): ScreenInfo[] {
    return [...this.screens.values()].map(({ secretHash: _hash, ...screen }) => ({
      ...screen,
      connected: connected(screen.id),
    }));
  }

  private load(text: string): string | null {
    const read = readJsonText(text);
    if (!read.ok) return `is not valid JSON (${read.problem})`;
    const parsed = ScreensFileSchema.safeParse(read.value);
    if (!parsed.success) return `is not a screens file (${describeIssue(parsed.error)})`;
    for (const screen of parsed.data.screens) this.screens.set(screen.id, screen);
    return null;
  }

  /**
   * Beyond MAX_SCREENS, forget the screen seen least recently among those not showing the board now
   * (a TV holds one stream open for days, so its lastSeenAt says little); if every one is showing it,
   * the newest is refused instead, by the caller getting an error.
   */
  private evictBeyondLimit(newest: string): void {
    while (this.screens.size > MAX_SCREENS) {
      const idle = [...this.screens.values()].filter(
        (screen) => screen.id !== newest && !this.isConnected(screen.id),
      );
      if (idle.length === 0) {
        this.screens.delete(newest);
        throw new Error(
          `This hub has let in ${MAX_SCREENS} screens, all showing the board: revoke ones no longer used (Screens in the settings) first.`,
        );
      }
      const oldest = idle.reduce((a, b) =>
        (a.lastSeenAt ?? a.joinedAt) <= (b.lastSeenAt ?? b.joinedAt) ? a : b,
      );
      this.screens.delete(oldest.id);
      this.lastWritten.delete(oldest.id);
      this.log(
        `screens: forgot "${oldest.name}" (not seen since ${oldest.lastSeenAt ?? oldest.joinedAt}); over ${MAX_SCREENS} screens`,
      );
    }
  }

  /** Writes one after another, each the whole current list. */
  private save(): Promise<void> {
    const path = this.path;
    if (path === null) return Promise.resolve();
    const next = this.writing.then(() =>
      writeDurably(path, `${JSON.stringify({ version: 1, screens: [...this.screens.values()] }, null, 2)}\n`),
    );
    this.writing = next.catch(() => {});
    return next;
  }
}

function hash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
