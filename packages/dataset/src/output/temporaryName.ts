import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/**
 * The hidden temporary file that a file is written under before it is renamed into place,
 * `.<name>.<12 hex digits>.tmp` in the target's own folder (so that the rename stays on one file
 * system): how {@link writeFileAtomic} and the CLI's output stage name it, and how
 * {@link removeStaleTemporaries} recognises what a killed writer left.
 */
export const temporaryName = {
  /**
   * @param path - The target file.
   * @returns A fresh temporary path beside it.
   */
  beside(path: string): string {
    return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  },
  /**
   * @param fileName - A file's name, without its folder.
   * @returns Whether it is such a temporary file's name.
   */
  matches(fileName: string): boolean {
    return /^\..+\.[0-9a-f]{12}\.tmp$/.test(fileName);
  },
};
