import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PolycamError } from '@polycam/core';

async function kindOf(path: string): Promise<'file' | 'folder' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

async function nearestExisting(path: string): Promise<string> {
  let current = path;
  while ((await kindOf(current)) === 'missing' && dirname(current) !== current) {
    current = dirname(current);
  }
  return current;
}

/**
 * Checks, before any work, that the CLI will be able to write where it was asked to: `--npz`
 * must not be a folder and `--out` (or `evaluate`'s `--csv-dir`) must not be a file, and the
 * nearest existing ancestor of each must be a folder.
 *
 * @param targets - The `--npz` file and the `--out` and `--csv-dir` folders, when given.
 * @returns When both are writable places.
 * @throws {@link PolycamError} `output-failure` naming the flag and the problem.
 */
export async function checkOutputTargets(targets: { readonly npz?: string; readonly out?: string; readonly csvDir?: string }): Promise<void> {
  if (targets.npz !== undefined && (await kindOf(targets.npz)) === 'folder') {
    throw new PolycamError('output-failure', `--npz '${targets.npz}' is a folder; give a file name such as maps.npz`);
  }
  for (const [flag, folder] of [['--out', targets.out], ['--csv-dir', targets.csvDir]] as const) {
    if (folder !== undefined && (await kindOf(folder)) === 'file') {
      throw new PolycamError('output-failure', `${flag} '${folder}' is a file; give a folder`);
    }
  }
  for (const [flag, path] of [['--npz', targets.npz && dirname(targets.npz)], ['--out', targets.out], ['--csv-dir', targets.csvDir]] as const) {
    if (path === undefined || path === '') continue;
    const existing = await nearestExisting(path);
    if ((await kindOf(existing)) === 'file') {
      throw new PolycamError('output-failure', `cannot write ${flag} under '${path}': '${existing}' is a file`);
    }
  }
}
