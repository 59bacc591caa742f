import {
  argmax,
  classTarget,
  Explainer,
  PolycamError,
  seededRandom,
  throwIfAborted,
  type ExplainEvent,
  type ExplainRequest,
  type ExplainResult,
  type Fusion,
  type Map2D,
  type MethodPreset,
  type ModelBackend,
  type RunRequest,
  type Tensor,
  type WeightingContext,
  type WeightingStrategy,
} from '@polycam/core';
import { normalizeMap, resizeBilinear } from '@polycam/core/kernels';
import { createToyBackend, errorKindOf } from '@polycam/core/testing';
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';

// The pipeline with small strategies and fusions defined here (core does not depend on any
// method package). The toy backend's auto layers are relu1 [4,16,16], relu2 [6,8,8] and
// pool2 [6,4,4].

const [CHANNELS, HEIGHT, WIDTH] = [3, 16, 16];
const IMAGE_SIZE = CHANNELS * HEIGHT * WIDTH;
const AUTO_LAYERS = ['relu1', 'relu2', 'pool2'];
const AUTO_CHANNELS: Record<string, number> = { relu1: 4, relu2: 6, pool2: 6, conv1: 4, conv2: 6, pool1: 4 };

function randomInput(seed: number): Tensor {
  const random = seededRandom(seed);
  return { shape: [1, CHANNELS, HEIGHT, WIDTH], data: Float32Array.from({ length: IMAGE_SIZE }, () => random() * 4 - 2) };
}

interface ScaledOptions {
  /** Answers odd channels without a pass, reporting them as saved. */
  readonly saveOdd?: boolean;
  /** Reports nothing to the ledger. */
  readonly silent?: boolean;
  readonly requires?: readonly string[];
  /** Called after each batch has run, before anything else. */
  readonly afterBatch?: (context: WeightingContext) => void;
}

interface Recorded {
  readonly layer: string;
  readonly weights: Float32Array;
  abortedAtEnd: boolean;
  /** What the strategy threw, if it stopped early. */
  error?: unknown;
}

/**
 * Weighs channel k by the score of the whole image scaled by (k + 1) / (K + 1): K forward
 * evaluations per layer, run in batches of the context's batch size.
 */
function scaledInputStrategy(options: ScaledOptions = {}): WeightingStrategy & { calls: Recorded[] } {
  const calls: Recorded[] = [];
  return {
    id: 'scaled-input',
    description: 'weighs channel k by s((k + 1) / (K + 1) · X)',
    requires: options.requires ?? ['forward'],
    calls,
    plannedEvaluations: (channels) => channels,
    async computeWeights(context) {
      const { backend, input, activation, target, batchSize, signal, ledger } = context;
      const channels = activation.shape[0]!;
      const weights = new Float32Array(channels);
      const record: Recorded = { layer: context.layer, weights, abortedAtEnd: false };
      calls.push(record);
      const toRun = Array.from({ length: channels }, (_, k) => k).filter((k) => !options.saveOdd || k % 2 === 0);
      for (let start = 0; start < toRun.length; start += batchSize) {
        try {
          throwIfAborted(signal);
        } catch (error) {
          record.error = error;
          throw error;
        }
        const chunk = toRun.slice(start, start + batchSize);
        const data = new Float32Array(chunk.length * IMAGE_SIZE);
        chunk.forEach((k, slot) => {
          for (let index = 0; index < IMAGE_SIZE; index += 1) {
            data[slot * IMAGE_SIZE + index] = (input.data[index]! * (k + 1)) / (channels + 1);
          }
        });
        const result = await backend.run({ input: { shape: [chunk.length, CHANNELS, HEIGHT, WIDTH], data } }, signal);
        const outputSize = backend.description.output.size;
        chunk.forEach((k, slot) => {
          weights[k] = target.score(result.output.data.subarray(slot * outputSize, (slot + 1) * outputSize));
        });
        if (!options.silent) ledger.run(chunk.length);
        options.afterBatch?.(context);
      }
      if (options.saveOdd) {
        const saved = Array.from({ length: channels }, (_, k) => k).filter((k) => k % 2 === 1);
        for (const k of saved) weights[k] = context.baseScore / 2;
        if (!options.silent) ledger.saved(saved.length);
      }
      record.abortedAtEnd = signal.aborted;
      return weights;
    },
  };
}

/** P_L = ReLU(C_L); P_l = C_l ⊙ up(P_{l+1}). */
const productFusion: Fusion = {
  id: 'product',
  description: 'multiplies each CAM by the upsampled deeper map',
  fuse(cam, deeper) {
    if (deeper === undefined) return { ...cam, data: cam.data.map((value) => Math.max(value, 0)) };
    const up = resizeBilinear(deeper, cam.height, cam.width).data;
    return { ...cam, data: cam.data.map((value, index) => value * up[index]!) };
  },
};

function explainerWith(strategy: WeightingStrategy, fusion: Fusion = productFusion): Explainer {
  const preset: MethodPreset = {
    id: 'toy-method',
    aliases: ['tm'],
    strategy: strategy.id,
    fusion: fusion.id,
    description: 'the test pipeline',
  };
  return new Explainer({ strategies: [strategy], fusions: [fusion], presets: [preset] });
}

interface Counted {
  readonly backend: ModelBackend;
  /** Images per backend run, the unmasked run included. */
  readonly runs: number[];
  readonly taps: (readonly string[] | undefined)[];
}

function countedToyBackend(): Counted {
  const runs: number[] = [];
  const taps: (readonly string[] | undefined)[] = [];
  const toy = createToyBackend({ onRun: (size) => runs.push(size) });
  return {
    runs,
    taps,
    backend: {
      ...toy,
      run: (request: RunRequest, signal?: AbortSignal) => {
        taps.push(request.taps);
        return toy.run(request, signal);
      },
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

describe('Explainer pipeline', () => {
  it('emits started, then progress and layer events interleaved, then the result last', async () => {
    const strategy = scaledInputStrategy();
    const { backend } = countedToyBackend();
    const events = await lastValueFrom(
      explainerWith(strategy).explain$({ backend, input: randomInput(1), method: 'toy-method', batchSize: 4 }).pipe(toArray()),
    );
    expect(events[0]!.type).toBe('started');
    expect(events.at(-1)!.type).toBe('result');
    expect(events.filter((event) => event.type === 'started')).toHaveLength(1);
    expect(events.filter((event) => event.type === 'result')).toHaveLength(1);

    const started = events[0] as Extract<ExplainEvent, { type: 'started' }>;
    const planned = started.layers.map((layer) => strategy.plannedEvaluations(AUTO_CHANNELS[layer]!));
    expect(started.layers).toEqual(AUTO_LAYERS);
    expect(started.total).toBe(sum(planned));

    // Progress is monotone and ends at the total; each layer event comes once its layer's
    // evaluations are all done, deepest layer first.
    let done = 0;
    let completed = 0;
    const deepestFirst = [...planned].reverse();
    const layerEvents: Extract<ExplainEvent, { type: 'layer' }>[] = [];
    for (const event of events.slice(1, -1)) {
      if (event.type === 'progress') {
        expect(event.total).toBe(started.total);
        expect(event.done).toBeGreaterThan(done);
        done = event.done;
      } else if (event.type === 'layer') {
        completed += deepestFirst[layerEvents.length]!;
        expect(done).toBe(completed);
        expect(event.index).toBe(planned.length - 1 - layerEvents.length);
        layerEvents.push(event);
      } else {
        throw new Error(`unexpected ${event.type} event in the middle`);
      }
    }
    expect(done).toBe(started.total);
    expect(layerEvents).toHaveLength(3);
    // More than one progress event per layer with a batch of 4: they really interleave.
    expect(events.filter((event) => event.type === 'progress').length).toBeGreaterThan(3);

    const { result } = events.at(-1) as Extract<ExplainEvent, { type: 'result' }>;
    expect(result.stages).toEqual(layerEvents.map((event) => event.stage).reverse());
    expect(result.stages.map((stage) => stage.layer)).toEqual(['relu1', 'relu2', 'pool2']);
    expect(result.layers).toEqual(AUTO_LAYERS);
  });

  it('computes each stage as resize(u(fuse(ReLU(Σ w A), deeper))) and ends on the shallowest', async () => {
    const strategy = scaledInputStrategy();
    const { backend } = countedToyBackend();
    const input = randomInput(2);
    const result = await explainerWith(strategy).explain({ backend, input, method: 'tm' });

    const reference = await createToyBackend().run({ input, taps: AUTO_LAYERS });
    const output = reference.output.data.slice(0, 5);
    expect(result.classIndex).toBe(argmax(output));
    expect(result.score).toBe(classTarget(argmax(output), 'softmax', 5).score(output));
    expect(result.target).toBe(`softmax[${argmax(output)}]`);
    expect(result.method).toEqual({ preset: 'toy-method', strategy: 'scaled-input', fusion: 'product' });

    let deeper: Map2D | undefined;
    [...result.stages].reverse().forEach((stage, index) => {
      expect(stage.weights).toBe(strategy.calls[index]!.weights);
      expect(strategy.calls[index]!.layer).toBe(stage.layer);
      const tensor = reference.activations.get(stage.layer)!;
      const [channels, height, width] = tensor.shape.slice(1) as [number, number, number];
      const cam = new Float32Array(height * width);
      for (let pixel = 0; pixel < height * width; pixel += 1) {
        let total = 0;
        for (let k = 0; k < channels; k += 1) total += stage.weights[k]! * tensor.data[k * height * width + pixel]!;
        cam[pixel] = Math.max(total, 0);
      }
      expect([stage.cam.height, stage.cam.width]).toEqual([height, width]);
      stage.cam.data.forEach((value, pixel) => expect(Math.abs(value - cam[pixel]!)).toBeLessThanOrEqual(1e-6 * Math.max(1, cam[pixel]!)));
      const fused = productFusion.fuse(stage.cam, deeper);
      const map = resizeBilinear({ ...fused, data: normalizeMap(fused.data) }, HEIGHT, WIDTH);
      expect(stage.map).toEqual(map);
      expect([stage.map.height, stage.map.width]).toEqual([HEIGHT, WIDTH]);
      deeper = fused;
    });
    expect(result.map).toBe(result.stages[0]!.map);
    expect([result.map.height, result.map.width]).toEqual([HEIGHT, WIDTH]);
    expect(result.map.data.every((value) => !Number.isNaN(value) && value >= 0 && value <= 1)).toBe(true);
    expect(result.map.data.some((value) => value > 0)).toBe(true);
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('counts passes.run as one plus the images actually run, and the rest as saved', async () => {
    const strategy = scaledInputStrategy({ saveOdd: true });
    const { backend, runs } = countedToyBackend();
    const result = await explainerWith(strategy).explain({ backend, input: randomInput(3), method: 'tm', batchSize: 2 });
    expect(runs[0]).toBe(1); // the unmasked pass
    const masked = sum(runs.slice(1));
    expect(masked).toBe(2 + 3 + 3); // even channels of relu1 (4), relu2 (6), pool2 (6)
    expect(result.passes).toEqual({ run: 1 + masked, saved: 2 + 3 + 3 });
  });

  it('completes the progress bar for a strategy that reports nothing', async () => {
    const strategy = scaledInputStrategy({ silent: true });
    const { backend } = countedToyBackend();
    const events = await lastValueFrom(
      explainerWith(strategy).explain$({ backend, input: randomInput(3), method: 'tm' }).pipe(toArray()),
    );
    const progress = events.filter((event) => event.type === 'progress');
    expect(progress.at(-1)).toEqual({ type: 'progress', done: 16, total: 16 });
  });

  it('fails with unsupported-capability before any backend run', async () => {
    const strategy = scaledInputStrategy({ requires: ['forward', 'gradients'] });
    const { backend, runs } = countedToyBackend();
    const events: ExplainEvent[] = [];
    const error = await new Promise<unknown>((resolve) => {
      explainerWith(strategy)
        .explain$({ backend, input: randomInput(4), method: 'tm' })
        .subscribe({ next: (event) => events.push(event), error: resolve, complete: () => resolve(undefined) });
    });
    expect(PolycamError.is(error, 'unsupported-capability')).toBe(true);
    expect((error as Error).message).toContain('gradients');
    expect(events).toEqual([]);
    expect(runs).toEqual([]);
    expect(strategy.calls).toEqual([]);
  });

  it('aborts when the subscriber unsubscribes mid-way: the strategy sees it and no run follows', async () => {
    let unsubscribe: () => void = () => {};
    let runsAtUnsubscribe = -1;
    const { backend, runs } = countedToyBackend();
    const strategy = scaledInputStrategy({
      afterBatch: () => {
        if (runsAtUnsubscribe < 0) {
          runsAtUnsubscribe = runs.length;
          unsubscribe();
        }
      },
    });
    const events: ExplainEvent[] = [];
    let finished = false;
    const subscription = explainerWith(strategy)
      .explain$({ backend, input: randomInput(5), method: 'tm', batchSize: 2 })
      .subscribe({
        next: (event) => events.push(event),
        error: () => (finished = true),
        complete: () => (finished = true),
      });
    unsubscribe = () => subscription.unsubscribe();
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(runsAtUnsubscribe).toBe(2); // the unmasked pass and the first batch
    // The strategy was mid-way through the deepest layer (6 channels, batches of 2): the explainer
    // stopped it, and never weighed another layer.
    expect(strategy.calls).toHaveLength(1);
    expect(strategy.calls[0]!.layer).toBe('pool2');
    expect(PolycamError.is(strategy.calls[0]!.error, 'aborted')).toBe(true);
    expect(runs).toHaveLength(runsAtUnsubscribe);
    expect(events.some((event) => event.type === 'layer' || event.type === 'result')).toBe(false);
    expect(finished).toBe(false);
  });

  it('lets a strategy that ignores cancellation finish its layer, then stops before the next', async () => {
    let unsubscribe: () => void = () => {};
    const { backend, runs } = countedToyBackend();
    const strategy = scaledInputStrategy({ afterBatch: () => unsubscribe() });
    // This strategy checks nothing after its single batch: it records whether its signal fired.
    const subscription = explainerWith(strategy)
      .explain$({ backend, input: randomInput(5), method: 'tm', batchSize: 32 })
      .subscribe({ error: () => {} });
    unsubscribe = () => subscription.unsubscribe();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(strategy.calls).toHaveLength(1);
    expect(strategy.calls[0]!.abortedAtEnd).toBe(true);
    expect(runs).toEqual([1, 6]);
  });

  it('rejects explain() with aborted when the request signal has already fired, before any run', async () => {
    const strategy = scaledInputStrategy();
    const { backend, runs } = countedToyBackend();
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(
      explainerWith(strategy).explain({ backend, input: randomInput(6), method: 'tm', signal: controller.signal }),
    );
    expect(PolycamError.is(error, 'aborted')).toBe(true);
    expect(runs).toEqual([]);
    expect(strategy.calls).toEqual([]);
  });

  it('rejects explain() with aborted when the request signal fires mid-way', async () => {
    const controller = new AbortController();
    const strategy = scaledInputStrategy({ afterBatch: () => controller.abort() });
    const { backend, runs } = countedToyBackend();
    const error = await rejection(
      explainerWith(strategy).explain({ backend, input: randomInput(6), method: 'tm', batchSize: 2, signal: controller.signal }),
    );
    expect(PolycamError.is(error, 'aborted')).toBe(true);
    expect(runs).toEqual([1, 2]);
  });

  it.each([5, -1, 1.5, 100])('rejects class %s with class-out-of-range before any run', async (classIndex) => {
    const strategy = scaledInputStrategy();
    const { backend, runs } = countedToyBackend();
    const error = await rejection(explainerWith(strategy).explain({ backend, input: randomInput(7), method: 'tm', classIndex }));
    expect(PolycamError.is(error, 'class-out-of-range')).toBe(true);
    expect(runs).toEqual([]);
  });

  it('explains the requested class rather than the argmax', async () => {
    const strategy = scaledInputStrategy();
    const { backend } = countedToyBackend();
    const input = randomInput(7);
    const result = await explainerWith(strategy).explain({ backend, input, method: 'tm', classIndex: 0 });
    const reference = await createToyBackend().run({ input });
    expect(result.classIndex).toBe(0);
    expect(result.score).toBe(classTarget(0, 'softmax', 5).score(reference.output.data));
  });

  it.each([
    ['[3,16,8]', { shape: [3, 16, 8], data: new Float32Array(384) }],
    ['[2,3,16,16]', { shape: [2, 3, 16, 16], data: new Float32Array(2 * IMAGE_SIZE) }],
    ['[16,16,3]', { shape: [16, 16, 3], data: new Float32Array(IMAGE_SIZE) }],
    ['[1,3,16,16] with too little data', { shape: [1, 3, 16, 16], data: new Float32Array(IMAGE_SIZE - 1) }],
  ] as [string, Tensor][])('rejects an input of shape %s with invalid-argument before any run', async (_name, input) => {
    const strategy = scaledInputStrategy();
    const { backend, runs } = countedToyBackend();
    const error = await rejection(explainerWith(strategy).explain({ backend, input, method: 'tm' }));
    expect(PolycamError.is(error, 'invalid-argument')).toBe(true);
    expect(runs).toEqual([]);
  });

  it('accepts a [C,H,W] input as well as [1,C,H,W]', async () => {
    const strategy = scaledInputStrategy();
    const explainer = explainerWith(strategy);
    const batched = randomInput(8);
    const plain = { shape: [3, 16, 16], data: batched.data };
    const a = await explainer.explain({ backend: createToyBackend(), input: batched, method: 'tm' });
    const b = await explainer.explain({ backend: createToyBackend(), input: plain, method: 'tm' });
    expect(b.map).toEqual(a.map);
  });

  it('honours explicit layers, in forward order', async () => {
    const strategy = scaledInputStrategy();
    const { backend, taps } = countedToyBackend();
    const events = await lastValueFrom(
      explainerWith(strategy)
        .explain$({ backend, input: randomInput(9), method: 'tm', layers: ['conv2', 'relu1'] })
        .pipe(toArray()),
    );
    const started = events[0] as Extract<ExplainEvent, { type: 'started' }>;
    const { result } = events.at(-1) as Extract<ExplainEvent, { type: 'result' }>;
    expect(started.layers).toEqual(['relu1', 'conv2']);
    expect(started.total).toBe(4 + 6);
    expect(taps[0]).toEqual(['relu1', 'conv2']);
    expect(result.layers).toEqual(['relu1', 'conv2']);
    expect(result.stages.map((stage) => stage.layer)).toEqual(['relu1', 'conv2']);
    expect(result.stages.map((stage) => stage.weights.length)).toEqual([4, 6]);
    expect(result.stages.map((stage) => [stage.cam.height, stage.cam.width])).toEqual([
      [16, 16],
      [8, 8],
    ]);
    expect(strategy.calls.map((call) => call.layer)).toEqual(['conv2', 'relu1']);
  });

  it.each([0, -2, 1.5])('rejects a batch size of %s with invalid-argument before any run', async (batchSize) => {
    const { backend, runs } = countedToyBackend();
    const error = await rejection(explainerWith(scaledInputStrategy()).explain({ backend, input: randomInput(9), method: 'tm', batchSize }));
    expect(PolycamError.is(error, 'invalid-argument')).toBe(true);
    expect(runs).toEqual([]);
  });

  it('rejects an explicit layer that does not exist with unknown-layer, naming the nearest', async () => {
    const { backend, runs } = countedToyBackend();
    const error = await rejection(
      explainerWith(scaledInputStrategy()).explain({ backend, input: randomInput(9), method: 'tm', layers: ['relu3'] }),
    );
    expect(PolycamError.is(error, 'unknown-layer')).toBe(true);
    expect((error as Error).message).toMatch(/relu[12]/);
    expect(runs).toEqual([]);
  });

  it('gives concurrent explanations on one explainer the results of sequential ones', async () => {
    const strategy = scaledInputStrategy({ saveOdd: true });
    const explainer = explainerWith(strategy);
    const requests: ExplainRequest[] = [0, 1, 2, 3, 4].map((classIndex) => ({
      backend: createToyBackend(),
      input: randomInput(20 + classIndex),
      method: 'tm',
      classIndex,
      batchSize: 1 + classIndex,
    }));
    const sequential: ExplainResult[] = [];
    for (const request of requests) sequential.push(await explainer.explain(request));
    const concurrent = await Promise.all(requests.map((request) => explainer.explain(request)));
    // Different batch sizes and classes: each run must keep its own state.
    const strip = (result: ExplainResult) => ({ ...result, durationMs: 0 });
    expect(concurrent.map(strip)).toEqual(sequential.map(strip));
    expect(new Set(concurrent.map((result) => result.classIndex)).size).toBe(5);
  });

  it('rejects an unknown method, strategy or fusion with unknown-method', async () => {
    const explainer = explainerWith(scaledInputStrategy());
    const { backend, runs } = countedToyBackend();
    for (const request of [{ method: 'nope' }, {}, { method: 'tm', strategy: 'nope' }, { method: 'tm', fusion: 'nope' }]) {
      const error = await rejection(explainer.explain({ backend, input: randomInput(10), ...request }));
      expect(PolycamError.is(error, 'unknown-method')).toBe(true);
    }
    expect(runs).toEqual([]);
  });

  it('refuses two plugins with the same id', () => {
    const strategy = scaledInputStrategy();
    expect(() => new Explainer({ strategies: [strategy, scaledInputStrategy()], fusions: [productFusion] })).toThrow(PolycamError);
    expect(errorKindOf(() => new Explainer({ strategies: [strategy, scaledInputStrategy()], fusions: [productFusion] }))).toBe('invalid-plugin');
  });
});
