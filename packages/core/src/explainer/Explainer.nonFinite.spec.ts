import {
  Explainer,
  PolycamError,
  scoreInBatches,
  seededRandom,
  type Fusion,
  type MethodPreset,
  type ModelBackend,
  type RunRequest,
  type Tensor,
  type WeightingStrategy,
} from '@polycam/core';
import { scoreChannelMasks } from '@polycam/core/masking';
import { classTarget } from '@polycam/core';
import { createToyBackend } from '@polycam/core/testing';
import { describe, expect, it } from 'vitest';

// A model that outputs NaN or ±Inf must fail the explanation with `non-finite-output`, naming
// the pass, instead of giving an all-zero map. Toy backend: 5 outputs, layers relu1 [4,16,16],
// relu2 [6,8,8], pool2 [6,4,4].

/** The toy backend, with `value` written into output row `row`'s class `at` on plain run number `run` (0 = the first). */
function poisoned(value: number, run: number, at = 0, row = 0): ModelBackend {
  const inner = createToyBackend();
  let runs = 0;
  return {
    id: inner.id,
    capabilities: inner.capabilities,
    description: inner.description,
    run: async (request: RunRequest, signal?: AbortSignal) => {
      const result = await inner.run(request, signal);
      if (runs === run) result.output.data[row * 5 + at] = value;
      runs += 1;
      return result;
    },
    dispose: () => inner.dispose(),
  };
}

function image(seed: number): Tensor {
  const random = seededRandom(seed);
  return { shape: [3, 16, 16], data: Float32Array.from({ length: 768 }, () => random() * 4 - 2) };
}

const keep: Fusion = { id: 'keep', description: 'P = C', fuse: (cam) => ({ ...cam, data: cam.data.slice() }) };

/** Scores each channel's masked image (CIC-like), so each stage runs masked passes. */
const masked: WeightingStrategy = {
  id: 'masked',
  description: 'w_k = s(X ⊙ M_k)',
  requires: ['forward'],
  plannedEvaluations: (channels) => channels,
  computeWeights: async (context) => (await scoreChannelMasks(context, { direct: true, complement: false })).direct!,
};

const preset: MethodPreset = { id: 'masked-cam', aliases: [], strategy: 'masked', fusion: 'keep', description: 'masked scores' };

async function failure(work: Promise<unknown>): Promise<PolycamError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, String((error as Error).stack)).toBeInstanceOf(PolycamError);
  return error as PolycamError;
}

describe('non-finite model outputs', () => {
  const explainer = new Explainer({ strategies: [masked], fusions: [keep], presets: [preset] });

  for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
    it(`fails on ${value} in the unmasked pass's output, naming that pass`, async () => {
      const error = await failure(explainer.explain({ backend: poisoned(value, 0, 3), input: image(1), method: 'masked-cam', layers: ['pool2'] }));
      expect(error.kind).toBe('non-finite-output');
      expect(error.message).toMatch(new RegExp(`${String(value).replace('+', '\\+')}.*unmasked pass`));
    });
  }

  it('fails on a NaN in a masked pass, naming the pass and the layer', async () => {
    // Layers run deepest first: pool2's six masked passes (one batch each) come right after the unmasked one.
    const error = await failure(
      explainer.explain({ backend: poisoned(Number.NaN, 3, 1), input: image(2), method: 'masked-cam', layers: ['relu2', 'pool2'], batchSize: 1 }),
    );
    expect(error.kind).toBe('non-finite-output');
    expect(error.message).toMatch(/masked pass 3 of layer 'pool2'/);
  });

  it('scoreInBatches names the item whose output is not finite', async () => {
    const backend = poisoned(Number.POSITIVE_INFINITY, 1, 4, 1);
    const input = { shape: [1, 3, 16, 16], data: image(3).data };
    const error = await failure(
      scoreInBatches(
        { backend, input, target: classTarget(0, 'identity', 5), batchSize: 2, ledger: { run: () => undefined } },
        { count: 4, writeImage: (_, slot) => slot.set(input.data) },
      ),
    );
    expect(error.kind).toBe('non-finite-output');
    expect(error.message).toMatch(/Infinity.*masked pass 4 of 4/);
  });
});
