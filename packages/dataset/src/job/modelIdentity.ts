import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PolycamError } from '@polycam/core';

/**
 * The SHA-256 of a model's content: the file itself, and for a TF.js `model.json` also every
 * weight file its `weightsManifest` lists, so that retrained weights are a different model.
 *
 * @param path - The `.onnx` file or the `model.json`.
 * @returns The hex digest.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `file-not-found` when a file
 *   cannot be read.
 */
export async function modelIdentity(path: string): Promise<string> {
  const hash = createHash('sha256');
  const read = async (file: string): Promise<Buffer> => {
    try {
      return await readFile(file);
    } catch (error) {
      throw new PolycamError('file-not-found', `model '${file}' cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { cause: error });
    }
  };
  const bytes = await read(path);
  hash.update(bytes);
  if (path.toLowerCase().endsWith('.json')) {
    let manifest: { weightsManifest?: { paths?: string[] }[] } = {};
    try {
      manifest = JSON.parse(bytes.toString('utf8')) as typeof manifest;
    } catch {
      // Not JSON: the backend says so when it loads it; its bytes alone identify it.
    }
    for (const group of manifest.weightsManifest ?? []) {
      for (const file of group.paths ?? []) hash.update(await read(join(dirname(path), file)));
    }
  }
  return hash.digest('hex');
}
