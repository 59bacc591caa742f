import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PolycamError } from '@polycam/core';
import type { io } from '@tensorflow/tfjs-core';
import { decodeModelArtifacts } from './decodeModelArtifacts.js';

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new PolycamError('file-not-found', `model file '${path}' does not exist`);
    throw new PolycamError('invalid-model', `cannot read model file '${path}': ${(error as Error).message}`);
  }
}

async function readWeightFile(folder: string, shard: string, modelPath: string): Promise<Uint8Array> {
  const path = join(folder, shard);
  try {
    return await readFile(path);
  } catch {
    throw new PolycamError('invalid-model', `weight file '${shard}' listed in '${modelPath}' is missing (looked for ${path})`);
  }
}

/**
 * Reads a TF.js `model.json` and the weight files its manifest lists, from the file system,
 * relative to the JSON file. Nothing is fetched from the network, and nothing is written.
 *
 * @param path - The `model.json` file.
 * @returns The artifacts, ready for `loadLayersModel` or `loadGraphModel`.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `file-not-found` when the JSON file does not exist,
 *   `invalid-model` when it is not a model, when its manifest is malformed, or when a weight file is missing or too short.
 */
export async function loadModelArtifacts(path: string): Promise<io.ModelArtifacts> {
  const folder = dirname(path);
  return decodeModelArtifacts(await readText(path), path, (shard) => readWeightFile(folder, shard, path));
}
