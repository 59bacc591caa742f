import { access, constants } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PolycamError } from '@polycam/core';
import { fileSystemReason } from './fileSystemReason.js';
import { nearestExisting } from './nearestExisting.js';
import { pathKind } from './pathKind.js';

/** Refuses a place that exists but that this process may not write into. */
async function checkWritable(flag: string, target: string, existing: string): Promise<void> {
  try {
    await access(existing, (await pathKind(existing)) === 'folder' ? constants.W_OK | constants.X_OK : constants.W_OK);
  } catch (error) {
    throw new PolycamError('output-failure', `cannot write ${flag} '${target}': ${await fileSystemReason(error, target)} on '${existing}'`, { cause: error });
  }
}

/**
 * Checks, before any work, that the CLI will be able to write where it was asked to: `--npz`
 * must not be a folder and `--out` (or `evaluate`'s `--csv-dir`) must not be a file, the nearest
 * existing ancestor of each must be a folder, and this process must have the right to write
 * there (or to replace an existing `--npz` file), and no file that `--out` will hold may be a
 * folder. It creates nothing.
 *
 * @param targets - The `--npz` file, the `--out` folder and the files it will hold, and the
 *   `--csv-dir` folder, when given.
 * @returns When both are writable places.
 * @throws {@link PolycamError} `output-failure` naming the flag, the path and the problem.
 */
export async function checkOutputTargets(targets: {
  readonly npz?: string;
  readonly out?: string;
  readonly outFiles?: readonly string[];
  readonly csvDir?: string;
}): Promise<void> {
  if (targets.npz !== undefined && (await pathKind(targets.npz)) === 'folder') {
    throw new PolycamError('output-failure', `--npz '${targets.npz}' is a folder; give a file name such as maps.npz`);
  }
  for (const [flag, folder] of [['--out', targets.out], ['--csv-dir', targets.csvDir]] as const) {
    if (folder !== undefined && (await pathKind(folder)) === 'file') {
      throw new PolycamError('output-failure', `${flag} '${folder}' is a file; give a folder`);
    }
  }
  if (targets.npz !== undefined && (await pathKind(targets.npz)) === 'file') {
    await checkWritable('--npz', targets.npz, targets.npz);
  }
  const places = [
    ['--npz', targets.npz && dirname(targets.npz), targets.npz],
    ['--out', targets.out, targets.out],
    ['--csv-dir', targets.csvDir, targets.csvDir],
  ] as const;
  for (const [flag, path, target] of places) {
    if (path === undefined || path === '' || target === undefined) continue;
    const existing = await nearestExisting(path);
    if ((await pathKind(existing)) === 'file') {
      throw new PolycamError('output-failure', `cannot write ${flag} under '${path}': '${existing}' is a file`);
    }
    await checkWritable(flag, target, existing);
  }
  for (const file of targets.outFiles ?? []) {
    if ((await pathKind(file)) === 'folder') {
      throw new PolycamError('output-failure', `cannot write '${file}': it is a folder`);
    }
  }
}
