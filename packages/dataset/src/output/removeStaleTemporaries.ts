import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { temporaryName } from './temporaryName.js';

/**
 * Removes the hidden temporary files that {@link writeFileAtomic} leaves behind when its
 * process is killed mid-write ({@link temporaryName}), anywhere under a folder. Call it
 * only when no worker writes there, as a one-machine run does before it starts its workers.
 *
 * @param folder - The folder (a configuration's results); nothing happens when it is absent.
 * @returns How many files were removed.
 */
export async function removeStaleTemporaries(folder: string): Promise<number> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  const stale = entries.filter((entry) => entry.isFile() && temporaryName.matches(entry.name));
  await Promise.all(stale.map((entry) => rm(join(entry.parentPath, entry.name), { force: true })));
  return stale.length;
}
