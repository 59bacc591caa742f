import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PolycamError } from '@polycam/core';
import type { io } from '@tensorflow/tfjs-core';
import { weightByteLength } from './weightByteLength.js';

interface ModelJson {
  readonly format?: string;
  readonly generatedBy?: string;
  readonly convertedBy?: string | null;
  readonly modelTopology?: object;
  readonly weightsManifest?: readonly { readonly paths: readonly string[]; readonly weights: readonly io.WeightsManifestEntry[] }[];
  readonly signature?: object;
  readonly userDefinedMetadata?: { [key: string]: object };
  readonly modelInitializer?: object;
  readonly trainingConfig?: io.TrainingConfig;
}

async function readJson(path: string): Promise<ModelJson> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new PolycamError('file-not-found', `model file '${path}' does not exist`);
    throw new PolycamError('invalid-model', `cannot read model file '${path}': ${(error as Error).message}`);
  }
  try {
    const json = JSON.parse(text) as unknown;
    if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new Error('not a JSON object');
    return json as ModelJson;
  } catch (error) {
    throw new PolycamError('invalid-model', `'${path}' is not a TF.js model.json: ${(error as Error).message}`);
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
 * relative to the JSON file. Nothing is fetched from the network.
 *
 * @param path - The `model.json` file.
 * @returns The artifacts, ready for `loadLayersModel` or `loadGraphModel`.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `file-not-found` when the JSON file does not exist,
 *   `invalid-model` when it is not a model, or when a weight file is missing or too short.
 */
export async function loadModelArtifacts(path: string): Promise<io.ModelArtifacts> {
  const json = await readJson(path);
  if (json.modelTopology === undefined || typeof json.modelTopology !== 'object') {
    throw new PolycamError('invalid-model', `'${path}' has no modelTopology: it is not a TF.js model.json`);
  }
  const folder = dirname(path);
  const weightSpecs: io.WeightsManifestEntry[] = [];
  const shards: Uint8Array[] = [];
  for (const group of json.weightsManifest ?? []) {
    weightSpecs.push(...group.weights);
    for (const shard of group.paths) {
      shards.push(await readWeightFile(folder, shard, path));
    }
  }
  const length = shards.reduce((sum, shard) => sum + shard.length, 0);
  const needed = weightSpecs.reduce((sum, spec) => sum + weightByteLength(spec), 0);
  if (weightSpecs.every((spec) => spec.quantization === undefined) && length < needed) {
    throw new PolycamError('invalid-model', `the weight files of '${path}' hold ${length} bytes, but its manifest needs ${needed}`);
  }
  const weightData = new Uint8Array(length);
  let offset = 0;
  for (const shard of shards) {
    weightData.set(shard, offset);
    offset += shard.length;
  }
  return {
    modelTopology: json.modelTopology,
    weightSpecs,
    weightData: weightData.buffer,
    ...(json.format === undefined ? {} : { format: json.format }),
    ...(json.generatedBy === undefined ? {} : { generatedBy: json.generatedBy }),
    ...(json.convertedBy == null ? {} : { convertedBy: json.convertedBy }),
    ...(json.signature === undefined ? {} : { signature: json.signature }),
    ...(json.userDefinedMetadata === undefined ? {} : { userDefinedMetadata: json.userDefinedMetadata }),
    ...(json.modelInitializer === undefined ? {} : { modelInitializer: json.modelInitializer }),
    ...(json.trainingConfig === undefined ? {} : { trainingConfig: json.trainingConfig }),
  };
}
