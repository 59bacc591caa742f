import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PolycamError } from '@polycam/core';
import type { OutputFile } from './OutputFile.js';

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file stands where a folder is needed';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'the disk is full';
    default:
      return code ?? (error as Error).message;
  }
}

/**
 * Writes several files so that they appear together or not at all: each goes first to a
 * temporary file beside its target, and only when every one is written are they renamed into
 * place. On failure every temporary file is removed.
 *
 * @param files - The files to write.
 * @returns When all files are in place.
 * @throws {@link PolycamError} `output-failure`, naming the file that could not be written.
 */
export async function writeFilesTogether(files: readonly OutputFile[]): Promise<void> {
  const staged: { temporary: string; path: string }[] = [];
  let current = '';
  try {
    for (const file of files) {
      current = file.path;
      await mkdir(dirname(file.path), { recursive: true });
      const temporary = join(dirname(file.path), `.${basename(file.path)}.${randomBytes(6).toString('hex')}.tmp`);
      staged.push({ temporary, path: file.path });
      await writeFile(temporary, file.bytes);
    }
    for (const { temporary, path } of staged) {
      current = path;
      await rename(temporary, path);
    }
  } catch (error) {
    await Promise.all(staged.map(({ temporary }) => rm(temporary, { force: true })));
    throw new PolycamError('output-failure', `cannot write '${current}': ${reason(error)}`, { cause: error });
  }
}
