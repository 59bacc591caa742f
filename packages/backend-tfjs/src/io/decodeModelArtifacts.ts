import { PolycamError } from '@polycam/core';
import type { io } from '@tensorflow/tfjs-core';
import { weightByteLength } from './weightByteLength.js';

interface ModelJson {
  readonly format?: string;
  readonly generatedBy?: string;
  readonly convertedBy?: string | null;
  readonly modelTopology?: object;
  readonly weightsManifest?: unknown;
  readonly signature?: object;
  readonly userDefinedMetadata?: { [key: string]: object };
  readonly modelInitializer?: object;
  readonly trainingConfig?: io.TrainingConfig;
}

interface WeightGroup {
  readonly paths: readonly string[];
  readonly weights: readonly io.WeightsManifestEntry[];
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function parseJson(text: string, path: string): ModelJson {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    throw new PolycamError('invalid-model', `'${path}' is not a TF.js model.json: ${(error as Error).message}`);
  }
  if (!isObject(json)) throw new PolycamError('invalid-model', `'${path}' is not a TF.js model.json: not a JSON object`);
  return json as ModelJson;
}

function isWeightEntry(entry: unknown): entry is io.WeightsManifestEntry {
  return (
    isObject(entry) &&
    typeof entry['name'] === 'string' &&
    typeof entry['dtype'] === 'string' &&
    Array.isArray(entry['shape']) &&
    entry['shape'].every((axis) => Number.isSafeInteger(axis) && (axis as number) >= 0) &&
    (entry['quantization'] === undefined || (isObject(entry['quantization']) && typeof entry['quantization']['dtype'] === 'string'))
  );
}

/** The manifest's groups, checked entry by entry, so that nothing later trips on a bad shape. */
function weightGroups(manifest: unknown, path: string): WeightGroup[] {
  if (manifest === undefined) return [];
  const bad = (why: string): never => {
    throw new PolycamError('invalid-model', `the weightsManifest of '${path}' is malformed: ${why}`);
  };
  if (!Array.isArray(manifest)) bad('not an array');
  return (manifest as unknown[]).map((group, index) => {
    if (!isObject(group) || !Array.isArray(group['paths']) || !Array.isArray(group['weights'])) {
      return bad(`group ${index} has no paths and weights arrays`);
    }
    if (!group['paths'].every((shard) => typeof shard === 'string' && shard.length > 0)) bad(`group ${index} has a path that is not a file name`);
    const entry = group['weights'].findIndex((weight) => !isWeightEntry(weight));
    if (entry >= 0) bad(`weight ${entry} of group ${index} needs a name, a dtype and a shape of non-negative integers`);
    return group as unknown as WeightGroup;
  });
}

/**
 * Decodes a TF.js `model.json`'s text and gathers the weight files that its manifest lists,
 * checking every manifest entry and the weights' total length before anything is allocated.
 * It reads through `readShard` only, and writes nothing.
 *
 * @internal
 * @param text - The `model.json` file's text.
 * @param path - The `model.json` file's path, for messages.
 * @param readShard - Reads one weight file named by the manifest (relative to the JSON file).
 * @returns The artifacts, ready for `loadLayersModel` or `loadGraphModel`.
 * @throws {@link PolycamError} `invalid-model` when the text is not a model.json, its manifest is
 *   malformed, or its weight files are too short; whatever `readShard` throws.
 */
export async function decodeModelArtifacts(text: string, path: string, readShard: (shard: string) => Promise<Uint8Array>): Promise<io.ModelArtifacts> {
  const json = parseJson(text, path);
  if (!isObject(json.modelTopology)) {
    throw new PolycamError('invalid-model', `'${path}' has no modelTopology: it is not a TF.js model.json`);
  }
  const weightSpecs: io.WeightsManifestEntry[] = [];
  const shards: Uint8Array[] = [];
  for (const group of weightGroups(json.weightsManifest, path)) {
    for (const weight of group.weights) weightSpecs.push(weight);
    for (const shard of group.paths) {
      shards.push(await readShard(shard));
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
