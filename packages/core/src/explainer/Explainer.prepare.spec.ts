import {
  Explainer,
  PolycamError,
  seededRandom,
  type AttributionMethod,
  type ExplainRequest,
  type ExplainResult,
  type Fusion,
  type MethodPreset,
  type ModelBackend,
  type Tensor,
  type WeightingStrategy,
} from '@polycam/core';
import { createToyBackend, rejectionKindOf } from '@polycam/core/testing';
import { describe, expect, it } from 'vitest';

// Explainer.prepare: every check that can fail happens there, before any pass. Toy backend:
// 5 outputs, auto layers relu1 [4,16,16], relu2 [6,8,8], pool2 [6,4,4].

/** A toy backend that records the size of each run, and a random image for it. */
function fixture(seed: number): { backend: ModelBackend; runs: number[]; input: Tensor } {
  const runs: number[] = [];
  const random = seededRandom(seed);
  const input = { shape: [3, 16, 16], data: Float32Array.from({ length: 768 }, () => random() * 4 - 2) };
  return { backend: createToyBackend({ onRun: (size) => runs.push(size) }), runs, input };
}

const keep: Fusion = { id: 'keep', description: 'P = C', fuse: (cam) => ({ ...cam, data: cam.data.slice() }) };

/** w_k = k + 1, with no evaluation. */
function rising(requires: readonly string[] = ['forward']): WeightingStrategy {
  return {
    id: 'rising',
    description: 'w_k = k + 1',
    requires,
    plannedEvaluations: () => 0,
    computeWeights: async ({ activation }) => Float32Array.from({ length: activation.shape[0]! }, (_, k) => k + 1),
  };
}

const preset: MethodPreset = { id: 'rise-up', aliases: ['ru'], strategy: 'rising', fusion: 'keep', description: 'rising weights' };

const flat: AttributionMethod = {
  id: 'flat',
  aliases: [],
  description: 'R = 1',
  requires: ['forward'],
  plannedEvaluations: () => 0,
  attribute: async () => ({ height: 16, width: 16, data: new Float32Array(256).fill(1) }),
};

function explainer(requires?: readonly string[]): Explainer {
  return new Explainer({ strategies: [rising(requires)], fusions: [keep], presets: [preset], attributions: [flat] });
}

describe('Explainer.prepare', () => {
  it('resolves a CAM request without running anything: plan, layers, input, defaults', () => {
    const { backend, runs, input } = fixture(1);
    const prepared = explainer().prepare({ backend, input, method: 'ru' });
    expect(prepared.plan.kind).toBe('cam');
    if (prepared.plan.kind === 'cam') {
      expect([prepared.plan.parts.preset.id, prepared.plan.parts.strategy.id, prepared.plan.parts.fusion.id]).toEqual(['rise-up', 'rising', 'keep']);
    }
    expect(prepared.layers).toEqual(['relu1', 'relu2', 'pool2']);
    expect(prepared.input.shape).toEqual([1, 3, 16, 16]);
    expect(prepared.input.data).toBe(input.data);
    expect(prepared.batchSize).toBe(32);
    expect(prepared.scoreFunction).toBe('softmax');
    expect(prepared.target).toBeUndefined();
    expect(prepared.request.backend).toBe(backend);
    expect(runs).toEqual([]);
  });

  it("builds the requested class's target with the request's score function", () => {
    const { backend, input } = fixture(2);
    const prepared = explainer().prepare({ backend, input, method: 'ru', classIndex: 2, scoreFunction: 'identity', batchSize: 3 });
    expect(prepared.target?.classIndex).toBe(2);
    expect(prepared.target?.label).toBe('identity[2]');
    expect(prepared.target?.score(Float32Array.of(0.5, -1, 7, 2, 3))).toBe(7);
    expect(prepared.batchSize).toBe(3);
  });

  it('gives an attribution method no layers', () => {
    const prepared = explainer().prepare({ ...fixture(3), method: 'flat' });
    expect(prepared.plan.kind).toBe('attribution');
    expect(prepared.layers).toEqual([]);
  });

  it.each<[string, Partial<ExplainRequest>, string, readonly string[] | undefined]>([
    ['an unknown method', { method: 'nope' }, 'unknown-method', undefined],
    ['a missing capability', {}, 'unsupported-capability', ['forward', 'gradients']],
    ['an input of the wrong shape', { input: { shape: [3, 16, 8], data: new Float32Array(384) } }, 'invalid-argument', undefined],
    ['a batch size of 0', { batchSize: 0 }, 'invalid-argument', undefined],
    ['an unknown layer', { layers: ['relu3'] }, 'unknown-layer', undefined],
    ['class 5 of 5 outputs', { classIndex: 5 }, 'class-out-of-range', undefined],
  ])('throws for %s, before any run', async (_name, change, kind, requires) => {
    const { backend, runs, input } = fixture(4);
    expect(await rejectionKindOf(async () => explainer(requires).prepare({ backend, input, method: 'ru', ...change }))).toBe(kind);
    expect(runs).toEqual([]);
  });

  it("keeps classTarget's message for a class out of range", () => {
    const { backend, input } = fixture(4);
    expect(() => explainer().prepare({ backend, input, method: 'ru', classIndex: 7 })).toThrow(
      new PolycamError('class-out-of-range', 'class 7 is out of range: the model has 5 classes (0..4)'),
    );
  });

  it('runs a prepared explanation as it runs the request, as often as asked', async () => {
    const strip = (result: ExplainResult): ExplainResult => ({ ...result, durationMs: 0 });
    for (const method of ['ru', 'flat']) {
      const request = { backend: createToyBackend(), input: fixture(5).input, method };
      const prepared = explainer().prepare(request);
      const direct = strip(await explainer().explain(request));
      expect(strip(await explainer().explain(prepared)), method).toEqual(direct);
      expect(strip(await explainer().explain(prepared)), method).toEqual(direct);
    }
  });

  it("honours the prepared request's signal", async () => {
    const { backend, runs, input } = fixture(6);
    const controller = new AbortController();
    const prepared = explainer().prepare({ backend, input, method: 'ru', signal: controller.signal });
    controller.abort();
    expect(await rejectionKindOf(explainer().explain(prepared))).toBe('aborted');
    expect(runs).toEqual([]);
  });
});
