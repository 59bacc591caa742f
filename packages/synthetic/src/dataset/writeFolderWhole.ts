import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { PolycamError } from '@polycam/core';

async function checkTarget(target: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    const why = code === 'ENOTDIR' ? 'is a file, not a folder' : `cannot be read (${code})`;
    throw new PolycamError('invalid-argument', `the dataset folder '${target}' ${why}`, { cause: error });
  }
  if (entries.length > 0) {
    throw new PolycamError('invalid-argument', `the dataset folder '${target}' already exists and is not empty; name a new or empty folder`);
  }
}

function outputFailure(target: string, error: unknown): PolycamError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOSPC' ? 'no space left on the device' : String(code ?? error);
  return new PolycamError('output-failure', `the dataset folder '${target}' cannot be written (${why})`, { cause: error });
}

/**
 * Writes a folder whole or not at all: `write` fills a hidden temporary folder next to
 * `target`, which is renamed to `target` once `write` resolves. When `write` throws (an error,
 * a cancellation), the temporary folder, and any parent folder created for it, are removed.
 *
 * @param target - The folder to create; it must not exist, or be an empty folder.
 * @param write - Fills the folder it is given.
 * @returns What `write` returns.
 * @throws {@link PolycamError} `invalid-argument` when `target` is a file or a non-empty folder,
 *   `output-failure` when the folder cannot be written, and whatever `write` throws.
 * @internal
 */
export async function writeFolderWhole<T>(target: string, write: (folder: string) => Promise<T>): Promise<T> {
  await checkTarget(target);
  const parent = dirname(resolve(target));
  let created: string | undefined;
  let temporary: string | undefined;
  try {
    created = await mkdir(parent, { recursive: true });
    temporary = await mkdtemp(join(parent, `.${basename(resolve(target))}.partial-`));
  } catch (error) {
    if (created !== undefined) await rm(created, { recursive: true, force: true });
    throw outputFailure(target, error);
  }
  try {
    const result = await write(temporary);
    await rename(temporary, target).catch((error: unknown) => {
      throw outputFailure(target, error);
    });
    return result;
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    if (created !== undefined) await rm(created, { recursive: true, force: true });
    const fromFileSystem = !PolycamError.is(error) && typeof (error as NodeJS.ErrnoException).code === 'string';
    throw fromFileSystem ? outputFailure(target, error) : error;
  }
}
