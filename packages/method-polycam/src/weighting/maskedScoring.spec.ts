import {
  classTarget,
  PolycamError,
  seededRandom,
  type ModelBackend,
  type RunRequest,
  type TargetFunction,
  type Tensor,
  type WeightingContext,
  type WeightingStrategy,
} from '@polycam/core';
import { normalizeMap, resizeBilinear } from '@polycam/core/kernels';
import { createToyBackend } from '@polycam/core/testing';
import { scoreChannelMasks, type MaskVariants } from '@polycam/core/masking';
import { CdcStrategy, CicStrategy, CvcStrategy } from '@polycam/method-polycam';
import { beforeAll, describe, expect, it } from 'vitest';

// The exact shortcuts of METHOD.md, checked on a hand-built activation: all-zero masks (dead or
// constant channels) share one zero-input pass and their complement is X; identical masks share
// one pass. Scores must still equal the brute force, image by image.
//
// No channel with an all-one mask is built: it cannot arise. u(M) = clamp((M − lo) / max(hi, ε))
// with lo = percentile(M, 0.1) ≥ min(M), so the channel's minimum always maps to
// (min − lo) / … ≤ 0, i.e. 0 (see planChannelMasks.spec.ts in core's masking folder, which
// checks this property).

const CLASSES = 5;
const [CHANNELS, HEIGHT, WIDTH] = [3, 16, 16];
const IMAGE_SIZE = CHANNELS * HEIGHT * WIDTH;
const PLANE = 8 * 8;
const TOLERANCE = 1e-6;

/**
 * A 12-channel 8×8 activation: zero, constant and negative-constant channels (all-zero masks),
 * exact copies and a 2× copy (identical masks), an all-negative channel (a general mask that is
 * one almost everywhere) and a single spike.
 */
function buildActivation(): Tensor {
  const random = seededRandom(99);
  const plane = (make: (index: number) => number): Float32Array => Float32Array.from({ length: PLANE }, (_, index) => make(index));
  const a = plane(() => random() * 3);
  const b = plane(() => random() * 2);
  const negative = plane(() => -1 - random());
  const c = plane((index) => Math.max(0, Math.sin(index / 5) * 4 + random() - 0.5));
  const channels = [
    a, // 0 general
    plane(() => 0), // 1 dead: zero mask
    plane(() => 3.5), // 2 constant: zero mask
    a.slice(), // 3 copy of 0
    b, // 4 general
    b.map((value) => value * 2), // 5 same mask as 4 (scaling by 2 is exact)
    negative, // 6 general, mostly ones
    plane((index) => (index === 27 ? 5 : 0)), // 7 single spike
    negative.slice(), // 8 copy of 6
    plane(() => -2), // 9 negative constant: zero mask
    c, // 10 general
    a.slice(), // 11 copy of 0
  ];
  const data = new Float32Array(channels.length * PLANE);
  channels.forEach((values, k) => data.set(values, k * PLANE));
  return { shape: [channels.length, 8, 8], data };
}

function randomInput(seed: number): Tensor {
  const random = seededRandom(seed);
  return { shape: [1, CHANNELS, HEIGHT, WIDTH], data: Float32Array.from({ length: IMAGE_SIZE }, () => random() * 4 - 2) };
}

function masksOf(activation: Tensor): Float32Array[] {
  const [channels, height, width] = activation.shape as [number, number, number];
  return Array.from({ length: channels }, (_, k) =>
    normalizeMap(activation.data.slice(k * height * width, (k + 1) * height * width)),
  );
}

/** Distinct non-zero masks, found by value comparison in the test. */
function distinctGeneralMasks(masks: readonly Float32Array[]): number {
  const keys = new Set<string>();
  for (const mask of masks) {
    if (mask.some((value) => value !== 0)) keys.add(Array.from(mask).join(','));
  }
  return keys.size;
}

function maskedImage(input: Tensor, mask: Float32Array, complement: boolean): Float32Array {
  const image = new Float32Array(IMAGE_SIZE);
  for (let c = 0; c < CHANNELS; c += 1) {
    for (let pixel = 0; pixel < HEIGHT * WIDTH; pixel += 1) {
      const x = input.data[c * HEIGHT * WIDTH + pixel]!;
      image[c * HEIGHT * WIDTH + pixel] = x * (complement ? 1 - mask[pixel]! : mask[pixel]!);
    }
  }
  return image;
}

async function scoreOne(backend: ModelBackend, image: Float32Array, target: TargetFunction): Promise<number> {
  const result = await backend.run({ input: { shape: [1, CHANNELS, HEIGHT, WIDTH], data: image } });
  return target.score(result.output.data.subarray(0, CLASSES));
}

interface Recorder {
  readonly backend: ModelBackend;
  readonly batches: number[];
  readonly images: Float32Array[];
}

/** Wraps a backend to count and keep every image it receives. */
function recording(backend: ModelBackend, afterRun?: () => void): Recorder {
  const batches: number[] = [];
  const images: Float32Array[] = [];
  return {
    batches,
    images,
    backend: {
      id: backend.id,
      capabilities: backend.capabilities,
      description: backend.description,
      run: async (request: RunRequest, signal?: AbortSignal) => {
        const count = request.input.shape[0]!;
        batches.push(count);
        for (let image = 0; image < count; image += 1) {
          images.push(request.input.data.slice(image * IMAGE_SIZE, (image + 1) * IMAGE_SIZE));
        }
        const result = await backend.run(request, signal);
        afterRun?.();
        return result;
      },
      dispose: () => backend.dispose(),
    },
  };
}

function contextFor(
  backend: ModelBackend,
  input: Tensor,
  activation: Tensor,
  target: TargetFunction,
  baseScore: number,
  batchSize: number,
  signal: AbortSignal = new AbortController().signal,
): WeightingContext & { counts: { run: number; saved: number; runCalls: number[] } } {
  const counts = { run: 0, saved: 0, runCalls: [] as number[] };
  return {
    backend,
    input,
    layer: 'hand-made',
    activation,
    target,
    baseScore,
    batchSize,
    signal,
    ledger: {
      run: (count) => {
        counts.run += count;
        counts.runCalls.push(count);
      },
      saved: (count) => (counts.saved += count),
    },
    counts,
  };
}

function sameImage(a: Float32Array, b: Float32Array): boolean {
  // Differences of one float32 rounding are allowed (1 − M may be rounded differently).
  return a.every((value, index) => Math.abs(value - b[index]!) <= 1e-6 * (1 + Math.abs(value)));
}

const VARIANTS: readonly [string, MaskVariants][] = [
  ['direct', { direct: true, complement: false }],
  ['complement', { direct: false, complement: true }],
  ['both', { direct: true, complement: true }],
];

describe('scoreChannelMasks shortcuts', () => {
  const backend = createToyBackend();
  const activation = buildActivation();
  const channels = activation.shape[0]!;
  const masks = masksOf(activation);
  const input = randomInput(5);
  const classIndex = 3;
  const target = classTarget(classIndex, 'softmax', CLASSES);
  let baseScore: number;
  let zeroScore: number;
  const direct: number[] = [];
  const complement: number[] = [];
  const upsampled: Float32Array[] = [];

  beforeAll(async () => {
    baseScore = await scoreOne(backend, input.data.slice(), target);
    zeroScore = await scoreOne(backend, new Float32Array(IMAGE_SIZE), target);
    for (let k = 0; k < channels; k += 1) {
      const mask = resizeBilinear({ height: 8, width: 8, data: masks[k]! }, HEIGHT, WIDTH).data;
      upsampled.push(mask);
      direct.push(await scoreOne(backend, maskedImage(input, mask, false), target));
      complement.push(await scoreOne(backend, maskedImage(input, mask, true), target));
    }
  });

  it('uses a fixture with three all-zero masks, duplicates and five distinct general masks', () => {
    const zero = masks.flatMap((mask, k) => (mask.every((value) => value === 0) ? [k] : []));
    expect(zero).toEqual([1, 2, 9]);
    expect(masks[3]).toEqual(masks[0]);
    expect(masks[11]).toEqual(masks[0]);
    expect(masks[5]).toEqual(masks[4]);
    expect(masks[8]).toEqual(masks[6]);
    expect(distinctGeneralMasks(masks)).toBe(5);
    expect(masks.some((mask) => mask.every((value) => value === 1))).toBe(false);
    // The all-negative channel's mask is a general one that is mostly ones.
    expect(masks[6]!.filter((value) => value === 1).length).toBeGreaterThan(PLANE / 2);
    // The scores differ from channel to channel, so a mix-up of channels would show.
    expect(new Set(direct.map((score) => score.toFixed(6))).size).toBeGreaterThanOrEqual(5);
  });

  describe.each(VARIANTS)('with the %s variant', (_name, variants) => {
    const count = (variants.direct ? 1 : 0) + (variants.complement ? 1 : 0);
    // One pass per distinct general mask and variant, plus one shared zero-input pass when the
    // direct image of an all-zero mask is needed; the complement of a zero mask is X itself.
    const expectedImages = (): number => distinctGeneralMasks(masks) * count + (variants.direct ? 1 : 0);

    it('equals the brute force and sends each distinct masked image exactly once', async () => {
      const recorder = recording(backend);
      const context = contextFor(recorder.backend, input, activation, target, baseScore, 32);
      const scores = await scoreChannelMasks(context, variants);
      for (let k = 0; k < channels; k += 1) {
        if (variants.direct) expect(Math.abs(scores.direct![k]! - direct[k]!), `direct ${k}`).toBeLessThanOrEqual(TOLERANCE);
        if (variants.complement) {
          expect(Math.abs(scores.complement![k]! - complement[k]!), `complement ${k}`).toBeLessThanOrEqual(TOLERANCE);
        }
      }
      expect(scores.direct === undefined).toBe(!variants.direct);
      expect(scores.complement === undefined).toBe(!variants.complement);

      expect(recorder.images).toHaveLength(expectedImages());
      expect(context.counts.run).toBe(expectedImages());
      expect(context.counts.run + context.counts.saved).toBe(channels * count);

      // Every image sent is one of the brute-force images, and no two are the same.
      const candidates: Float32Array[] = [];
      upsampled.forEach((mask) => {
        if (variants.direct) candidates.push(maskedImage(input, mask, false));
        if (variants.complement) candidates.push(maskedImage(input, mask, true));
      });
      for (const image of recorder.images) {
        expect(candidates.some((candidate) => sameImage(image, candidate))).toBe(true);
      }
      for (let i = 0; i < recorder.images.length; i += 1) {
        for (let j = i + 1; j < recorder.images.length; j += 1) {
          expect(sameImage(recorder.images[i]!, recorder.images[j]!)).toBe(false);
        }
      }
      // The complement of an all-zero mask is X, which is never run again.
      expect(recorder.images.some((image) => sameImage(image, input.data))).toBe(false);
    });

    it.each([1, 2, 3, 5, 32])('generates the masked images per batch of %i', async (batchSize) => {
      const recorder = recording(backend);
      const context = contextFor(recorder.backend, input, activation, target, baseScore, batchSize);
      const scores = await scoreChannelMasks(context, variants);
      const images = expectedImages();
      expect(Math.max(...recorder.batches)).toBeLessThanOrEqual(batchSize);
      expect(recorder.batches).toHaveLength(Math.ceil(images / batchSize));
      expect(recorder.batches.reduce((sum, size) => sum + size, 0)).toBe(images);
      // Each batch is reported to the ledger once it has run.
      expect(context.counts.runCalls).toEqual(recorder.batches);
      expect(context.counts.run + context.counts.saved).toBe(channels * count);
      for (let k = 0; k < channels; k += 1) {
        if (variants.direct) expect(Math.abs(scores.direct![k]! - direct[k]!)).toBeLessThanOrEqual(TOLERANCE);
        if (variants.complement) expect(Math.abs(scores.complement![k]! - complement[k]!)).toBeLessThanOrEqual(TOLERANCE);
      }
    });
  });

  it('gives all-zero masks the zero-input score and the base score as complement', async () => {
    const context = contextFor(backend, input, activation, target, baseScore, 4);
    const scores = await scoreChannelMasks(context, { direct: true, complement: true });
    for (const k of [1, 2, 9]) {
      expect(Math.abs(scores.direct![k]! - zeroScore)).toBeLessThanOrEqual(TOLERANCE);
      expect(scores.complement![k]).toBe(Math.fround(baseScore));
    }
  });

  it('runs no pass at all when every mask is zero and only complements are needed', async () => {
    const dead: Tensor = { shape: [4, 8, 8], data: new Float32Array(4 * PLANE).fill(1.25) };
    for (const [strategy, images, weight] of [
      [new CdcStrategy(), 0, () => 0],
      [new CicStrategy(), 1, () => zeroScore],
      [new CvcStrategy(), 1, () => Math.max(zeroScore + baseScore - baseScore, 0)],
    ] as [WeightingStrategy, number, () => number][]) {
      const recorder = recording(backend);
      const context = contextFor(recorder.backend, input, dead, target, baseScore, 32);
      const weights = await strategy.computeWeights(context);
      expect(recorder.images).toHaveLength(images);
      expect(context.counts.run).toBe(images);
      expect(context.counts.run + context.counts.saved).toBe(strategy.plannedEvaluations(4));
      for (const value of weights) expect(Math.abs(value - weight())).toBeLessThanOrEqual(TOLERANCE);
    }
  });

  it('runs no zero-input pass when no mask is zero', async () => {
    const general: Tensor = {
      shape: [3, 8, 8],
      data: Float32Array.from([0, 4, 10].flatMap((k) => Array.from(activation.data.subarray(k * PLANE, (k + 1) * PLANE)))),
    };
    const recorder = recording(backend);
    const context = contextFor(recorder.backend, input, general, target, baseScore, 32);
    const weights = await new CicStrategy().computeWeights(context);
    expect(recorder.images).toHaveLength(3);
    expect(recorder.images.some((image) => image.every((value) => value === 0))).toBe(false);
    [0, 4, 10].forEach((k, index) => expect(Math.abs(weights[index]! - direct[k]!)).toBeLessThanOrEqual(TOLERANCE));
  });

  describe.each([
    ['cic', () => new CicStrategy(), 1],
    ['cdc', () => new CdcStrategy(), 1],
    ['cvc', () => new CvcStrategy(), 2],
  ] as [string, () => WeightingStrategy, number][])('%s on the fixture', (id, create, count) => {
    it('gives the brute-force weights with the shortcuts and accounts K × variants evaluations', async () => {
      const formula = (k: number): number =>
        id === 'cic'
          ? direct[k]!
          : id === 'cdc'
            ? Math.max(baseScore - complement[k]!, 0)
            : Math.max(direct[k]! + baseScore - complement[k]!, 0);
      for (const batchSize of [1, 3, 32]) {
        const recorder = recording(backend);
        const context = contextFor(recorder.backend, input, activation, target, baseScore, batchSize);
        const strategy = create();
        const weights = await strategy.computeWeights(context);
        for (let k = 0; k < channels; k += 1) {
          expect(Math.abs(weights[k]! - formula(k)), `${id} channel ${k}`).toBeLessThanOrEqual(TOLERANCE);
        }
        const images = distinctGeneralMasks(masks) * count + (id === 'cdc' ? 0 : 1);
        expect(recorder.images).toHaveLength(images);
        expect(context.counts.run).toBe(images);
        expect(context.counts.run + context.counts.saved).toBe(channels * count);
        expect(strategy.plannedEvaluations(channels)).toBe(channels * count);
        expect(Math.max(...recorder.batches)).toBeLessThanOrEqual(batchSize);
      }
    });
  });

  it('leaves the input and the activation untouched', async () => {
    const inputCopy = input.data.slice();
    const activationCopy = activation.data.slice();
    await scoreChannelMasks(contextFor(backend, input, activation, target, baseScore, 3), { direct: true, complement: true });
    expect(input.data).toEqual(inputCopy);
    expect(activation.data).toEqual(activationCopy);
  });

  it('rejects with aborted before any pass when the signal has already fired', async () => {
    const recorder = recording(backend);
    const controller = new AbortController();
    controller.abort();
    const context = contextFor(recorder.backend, input, activation, target, baseScore, 2, controller.signal);
    const error = await scoreChannelMasks(context, { direct: true, complement: true }).catch((caught: unknown) => caught);
    expect(PolycamError.is(error, 'aborted')).toBe(true);
    expect(recorder.batches).toEqual([]);
  });

  it('stops between batches when the signal fires mid-way', async () => {
    const controller = new AbortController();
    const recorder = recording(backend, () => controller.abort());
    const context = contextFor(recorder.backend, input, activation, target, baseScore, 2, controller.signal);
    const error = await scoreChannelMasks(context, { direct: true, complement: true }).catch((caught: unknown) => caught);
    expect(PolycamError.is(error, 'aborted')).toBe(true);
    expect(recorder.batches).toEqual([2]);
  });
});
