import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OnnxBackend } from '@polycam/backend-onnx';
import {
  createPolycamContainer,
  preprocessImage,
  TOKENS,
  type Explainer,
  type ModelBackend,
  type Tensor,
} from '@polycam/core';
import { decodeNpz } from '@polycam/core/io';
import { polycamModule } from '@polycam/method-polycam';
import { pearsonCorrelation } from '@polycam/metrics';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The whole pipeline against the maps that the authors' PyTorch code computed for a small VGG
// exported from PyTorch (fixtures/reference-smallvgg): decode, preprocess, load, explain, and
// compare every fusion stage and the final map.

const directory = fileURLToPath(new URL('../../../fixtures/reference-smallvgg/', import.meta.url));

interface Fixture {
  readonly model: string;
  readonly image: string;
  readonly input_size: number;
  readonly preprocess: { readonly channel_order: string; readonly mean: number[]; readonly std: number[] };
  readonly class_index: number;
  readonly layers: string[];
}

const fixture = JSON.parse(readFileSync(join(directory, 'fixture.json'), 'utf8')) as Fixture;
const expected = decodeNpz(new Uint8Array(readFileSync(join(directory, 'expected.npz'))));
const METHODS = ['pcamp', 'pcamm', 'pcampm'] as const;

function maxAbsoluteDifference(a: Float32Array, b: Float32Array): number {
  let worst = 0;
  for (let index = 0; index < a.length; index += 1) worst = Math.max(worst, Math.abs(a[index]! - b[index]!));
  return worst;
}

function expectMatches(actual: { height: number; width: number; data: Float32Array }, key: string): void {
  const reference = expected.get(key);
  expect(reference, key).toBeDefined();
  expect(reference!.shape, key).toEqual([fixture.input_size, fixture.input_size]);
  expect([actual.height, actual.width], key).toEqual([fixture.input_size, fixture.input_size]);
  const correlation = pearsonCorrelation(actual.data, reference!.data);
  const difference = maxAbsoluteDifference(actual.data, reference!.data);
  expect(correlation, `${key} correlation`).toBeGreaterThan(0.9999);
  expect(difference, `${key} max |diff|`).toBeLessThan(1e-3); // the fixture's own threshold
  expect(difference, `${key} max |diff|`).toBeLessThan(1e-4); // measured ~1e-6: a regression shows
}

/** The backend without its masked-inputs capability: masked images are built in JavaScript. */
function withoutMaskedInputs(backend: ModelBackend, batchSizes: number[]): ModelBackend {
  return {
    id: `${backend.id}-plain`,
    capabilities: new Set(['forward']),
    description: backend.description,
    run: (request, signal) => {
      batchSizes.push(request.input.shape[0]!);
      return backend.run(request, signal);
    },
    dispose: async () => {},
  };
}

describe('the reference fixture (authors\' PyTorch maps)', () => {
  let backend: OnnxBackend;
  let explainer: Explainer;
  let input: Tensor;

  beforeAll(async () => {
    expect(fixture.preprocess.channel_order).toBe('RGB');
    const { data, info } = await sharp(join(directory, fixture.image)).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    expect([info.height, info.width, info.channels]).toEqual([fixture.input_size, fixture.input_size, 3]);
    const pixels = { height: info.height, width: info.width, channels: info.channels, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
    const image = preprocessImage(pixels, { height: fixture.input_size, width: fixture.input_size, mean: fixture.preprocess.mean, std: fixture.preprocess.std });
    input = { shape: [1, ...image.shape], data: image.data };
    backend = await OnnxBackend.load({ path: join(directory, fixture.model) });
    explainer = (await createPolycamContainer(polycamModule)).get(TOKENS.Explainer);
  });

  afterAll(async () => {
    await backend?.dispose();
  });

  it('holds a map per method for the final result and for every stage', () => {
    for (const method of METHODS) {
      expect(expected.has(`${method}|final`)).toBe(true);
      fixture.layers.forEach((_, index) => expect(expected.has(`${method}|${index}`)).toBe(true));
    }
  });

  for (const path of ['masked-inputs', 'JavaScript masking'] as const) {
    describe(`through the ${path} path`, () => {
      for (const method of METHODS) {
        it(`${method}: every stage and the final map match`, async () => {
          const batchSizes: number[] = [];
          const runMasked = vi.spyOn(backend.maskedInputs!, 'runMasked');
          try {
            const model = path === 'masked-inputs' ? backend : withoutMaskedInputs(backend, batchSizes);
            const result = await explainer.explain({ backend: model, input, method, layers: fixture.layers, classIndex: fixture.class_index });
            // The path under test is the one that ran.
            if (path === 'masked-inputs') expect(runMasked).toHaveBeenCalled();
            else {
              expect(runMasked).not.toHaveBeenCalled();
              expect(Math.max(...batchSizes)).toBeGreaterThan(1);
            }
            expect(result.classIndex).toBe(fixture.class_index);
            expect(result.layers).toEqual(fixture.layers);
            const count = fixture.layers.length;
            expect(result.stages).toHaveLength(count);
            // Stages come in forward order: stage i is the fusion down to layer i, key `|i`.
            for (let index = 0; index < count; index += 1) {
              const stage = result.stages[index]!;
              expect(stage.layer).toBe(fixture.layers[index]);
              expectMatches(stage.map, `${method}|${index}`);
            }
            expectMatches(result.map, `${method}|final`);
          } finally {
            runMasked.mockRestore();
          }
        });
      }
    });
  }
});
