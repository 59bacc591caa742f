import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PolycamError } from '@polycam/core';
import { temporaryName } from './temporaryName.js';

/**
 * Writes a file so that it is either absent or whole, whatever happens to the process: the bytes
 * go to a hidden temporary file in the same folder ({@link temporaryName}, created with the
 * folders it needs), are flushed to the disk (`fsync`), and the file is renamed over its target,
 * which POSIX file systems do atomically. A failure removes the temporary file; a process killed
 * mid-write leaves only a hidden `.tmp` file, which nothing reads.
 *
 * @param path - The target file.
 * @param bytes - Its content.
 * @returns When the file is in place.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `output-failure` naming the file
 *   and the system's reason.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array | string): Promise<void> {
  const folder = dirname(path);
  const temporary = temporaryName.beside(path);
  try {
    await mkdir(folder, { recursive: true });
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw new PolycamError('output-failure', `cannot write '${path}': ${code ?? (error as Error).message}`, { cause: error });
  }
}
