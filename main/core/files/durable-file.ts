import { open, readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/**
 * Writing a file so that a crash at any instant (kill -9, power loss) leaves either the old content
 * or the new, whole, and so that once the write resolves the new content is on disk: write-file-
 * atomic writes a temporary file beside it, fsyncs and renames it over the old one; then the folder
 * itself is fsynced, because a rename only survives a power cut once its directory entry is on disk.
 * A write interrupted before its rename leaves that temporary file behind; removeInterruptedWrites
 * clears them at the next start.
 */

export async function writeDurably(path: string, text: string, mode = 0o600): Promise<void> {
  await writeFileAtomic(path, text, { mode, fsync: true });
  await syncFolder(dirname(path));
}

/** write-file-atomic names its temporary file `<name>.<decimal number>`. */
function isTemporaryOf(name: string, candidate: string): boolean {
  return candidate.startsWith(`${name}.`) && /^\d+$/.test(candidate.slice(name.length + 1));
}

/** Remove what interrupted writes of `path` left behind; returns the names removed. */
export async function removeInterruptedWrites(path: string): Promise<string[]> {
  const name = basename(path);
  let entries: string[];
  try {
    entries = await readdir(dirname(path));
  } catch {
    return [];
  }
  const stale = entries.filter((entry) => isTemporaryOf(name, entry));
  await Promise.all(stale.map((entry) => unlink(join(dirname(path), entry)).catch(() => {})));
  return stale;
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems (and Windows) cannot fsync a directory; the rename is still atomic there.
    if (!['EINVAL', 'EPERM', 'EISDIR', 'ENOTSUP'].includes((error as NodeJS.ErrnoException).code ?? ''))
      throw error;
  } finally {
    await handle.close();
  }
}
