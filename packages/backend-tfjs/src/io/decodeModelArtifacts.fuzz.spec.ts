import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PolycamError } from '@polycam/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeModelArtifacts } from './decodeModelArtifacts.js';

const folder = new URL('../../../synthetic/model/tfjs/', import.meta.url);
const text = readFileSync(fileURLToPath(new URL('model.json', folder)), 'utf8');
const weights = new Uint8Array(readFileSync(fileURLToPath(new URL('weights.bin', folder))));
const settings = { seed: 12, numRuns: 150 };

/** Reads shards from memory: nothing touches the disk. */
const readShard = async (shard: string): Promise<Uint8Array> => {
  if (shard === 'weights.bin') return weights;
  throw new PolycamError('invalid-model', `weight file '${shard}' is missing`);
};

async function outcome(json: string): Promise<string> {
  try {
    await decodeModelArtifacts(json, 'model.json', readShard);
    return 'returned';
  } catch (error) {
    return error instanceof PolycamError ? error.kind : `untyped: ${String(error)}`;
  }
}

const oneOf = (kinds: readonly string[]) => (value: string) => kinds.includes(value);
const manifest = JSON.parse(text) as { weightsManifest: { paths: string[]; weights: { shape: number[] }[] }[] };

describe('decodeModelArtifacts under fuzzing', () => {
  it('decodes the bundled model.json, whole', async () => {
    const artifacts = await decodeModelArtifacts(text, 'model.json', readShard);
    expect(artifacts.weightData).toHaveProperty('byteLength', weights.length);
    expect(artifacts.weightSpecs).toHaveLength(manifest.weightsManifest.flatMap((group) => group.weights).length);
  });

  it('returns or throws invalid-model for the bundled model.json truncated or with bytes flipped', async () => {
    const bytes = new TextEncoder().encode(text);
    const mutated = fc.tuple(fc.nat(bytes.length), fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 127 })), { maxLength: 3 }));
    await fc.assert(
      fc.asyncProperty(mutated, async ([cut, flips]) => {
        const copy = bytes.slice(0, cut);
        for (const [at, xor] of flips) if (at < copy.length) copy[at]! ^= xor;
        expect(await outcome(new TextDecoder().decode(copy))).toSatisfy(oneOf(['returned', 'invalid-model']));
      }),
      settings,
    );
  });

  it('returns or throws invalid-model when any manifest value is replaced by any JSON value', async () => {
    const paths = ['weightsManifest', 'weightsManifest.0', 'weightsManifest.0.paths', 'weightsManifest.0.paths.0', 'weightsManifest.0.weights', 'weightsManifest.0.weights.0', 'weightsManifest.0.weights.0.shape', 'weightsManifest.0.weights.0.shape.0', 'weightsManifest.0.weights.0.dtype', 'weightsManifest.0.weights.0.name', 'modelTopology'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 3 }), async (path, value) => {
        const json = JSON.parse(text) as Record<string, unknown>;
        const keys = path.split('.');
        const parent = keys.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, json);
        parent[keys.at(-1)!] = value;
        expect(await outcome(JSON.stringify(json))).toSatisfy(oneOf(['returned', 'invalid-model']));
      }),
      settings,
    );
  });

  it('refuses malformed manifests that threw TypeErrors, with a line that says what is wrong', async () => {
    const withManifest = (weightsManifest: unknown): string => JSON.stringify({ ...JSON.parse(text), weightsManifest });
    await expect(decodeModelArtifacts(withManifest({}), 'model.json', readShard)).rejects.toThrow("the weightsManifest of 'model.json' is malformed: not an array");
    await expect(decodeModelArtifacts(withManifest([null]), 'model.json', readShard)).rejects.toThrow('group 0 has no paths and weights arrays');
    await expect(decodeModelArtifacts(withManifest([{ paths: [7], weights: [] }]), 'model.json', readShard)).rejects.toThrow('group 0 has a path that is not a file name');
    const badShape = [{ paths: ['weights.bin'], weights: [{ name: 'w', dtype: 'float32', shape: [-1, 3] }] }];
    await expect(decodeModelArtifacts(withManifest(badShape), 'model.json', readShard)).rejects.toThrow('weight 0 of group 0 needs a name, a dtype and a shape of non-negative integers');
    expect(await outcome(JSON.stringify({ modelTopology: null }))).toBe('invalid-model');
  });

  it('refuses, as invalid-model and without allocating it, a manifest that declares a 2^40-element weight', async () => {
    const huge = JSON.stringify({ modelTopology: {}, weightsManifest: [{ paths: ['weights.bin'], weights: [{ name: 'w', dtype: 'float32', shape: [2 ** 40] }] }] });
    await expect(decodeModelArtifacts(huge, 'model.json', readShard)).rejects.toMatchObject({
      kind: 'invalid-model',
      message: `the weight files of 'model.json' hold ${weights.length} bytes, but its manifest needs ${2 ** 42}`,
    });
  });
});
