import { createPolycamContainer, seededRandom, TOKENS, type Explainer, type ModelBackend, type Tensor } from '@polycam/core';
import { OnnxBackend } from '@polycam/backend-onnx';
import { buildTinyCnn } from '@polycam/backend-onnx/builders';
import { createToyBackend, rejectionKindOf } from '@polycam/core/testing';
import { baselinesModule, OcclusionMethod, RiseMethod } from '@polycam/method-baselines';
import { polycamModule } from '@polycam/method-polycam';
import { ContainerModule } from 'inversify';
import { describe, expect, it } from 'vitest';

async function explainer(...extra: ContainerModule[]): Promise<Explainer> {
  return (await createPolycamContainer(polycamModule, baselinesModule, ...extra)).get(TOKENS.Explainer);
}

function image(size: number, seed: number): Tensor {
  const random = seededRandom(seed);
  return { shape: [1, 3, size, size], data: Float32Array.from({ length: 3 * size * size }, () => random() * 4 - 2) };
}

// Small RISE and Occlusion, bound under their own ids as a user would, to keep the suite fast.
const smallPerturbations = new ContainerModule(({ bind }) => {
  bind(TOKENS.AttributionMethod).toConstantValue(Object.assign(new RiseMethod({ masks: 40 }), { id: 'rise-40' }));
  bind(TOKENS.AttributionMethod).toConstantValue(Object.assign(new OcclusionMethod({ patch: 8, stride: 8 }), { id: 'occlusion-8' }));
});

describe('baselinesModule', () => {
  it('registers every baseline with what it requires', async () => {
    const methods = (await explainer()).methods();
    const requires = Object.fromEntries(methods.map((method) => [method.id, method.requires.join('+')]));
    expect(requires).toMatchObject({
      'pcam±': 'forward',
      'score-cam': 'forward',
      'score-cam-softmax': 'forward',
      'grad-cam': 'forward+gradients',
      'grad-cam++': 'forward+gradients',
      'layer-cam': 'forward+gradients',
      'refine-cam': 'forward+gradients',
      'refine-cam±': 'forward',
      'cam+': 'forward',
      'cam-': 'forward',
      'cam±': 'forward',
      rise: 'forward',
      occlusion: 'forward',
    });
    expect(methods.filter((method) => method.kind === 'attribution').map((method) => method.id)).toEqual(['rise', 'occlusion']);
  });

  it.each([
    ['score-cam', ['pool2'], 1 + 6],
    ['score-cam-softmax', ['pool2'], 1 + 6],
    ['grad-cam', ['pool2'], 2],
    ['grad-cam++', ['pool2'], 2],
    ['layer-cam', ['relu1', 'relu2', 'pool2'], 4],
    ['cam+', ['pool2'], 1 + 6],
    ['cam±', ['pool2'], 1 + 12],
    ['rise-40', [], 41],
    ['occlusion-8', [], 5],
  ] as const)('explains end to end on the toy network with %s', async (method, layers, planned) => {
    const resolved = await explainer(smallPerturbations);
    const result = await resolved.explain({ backend: createToyBackend({ gradients: true }), input: image(16, 1), method });
    expect(result.layers).toEqual(layers);
    expect(result.passes.run + result.passes.saved).toBe(planned);
    expect([result.map.height, result.map.width]).toEqual([16, 16]);
    expect(result.map.data.every((value) => value >= 0 && value <= 1)).toBe(true);
    expect(Math.max(...result.map.data)).toBeGreaterThan(0);
  });

  it('lets --layers pick the single layer of a CAM preset', async () => {
    const result = await (await explainer()).explain({ backend: createToyBackend(), input: image(16, 2), method: 'cam-', layers: ['relu2'] });
    expect(result.layers).toEqual(['relu2']);
    expect(result.method).toEqual({ preset: 'cam-', strategy: 'cdc', fusion: 'single-layer' });
  });

  it('runs Score-CAM and Occlusion on an ONNX model, and refuses Grad-CAM there before any inference', async () => {
    const backend = await OnnxBackend.load({ bytes: buildTinyCnn({ size: 16, seed: 3 }) });
    try {
      const resolved = await explainer(smallPerturbations);
      const input = image(16, 3);
      const score = await resolved.explain({ backend, input, method: 'score-cam' });
      expect(score.layers).toHaveLength(1);
      expect(score.map.data.every(Number.isFinite)).toBe(true);
      const occluded = await resolved.explain({ backend, input, method: 'occlusion-8' });
      expect(occluded.passes.run).toBe(5);
      let runs = 0;
      const counting: ModelBackend = {
        id: backend.id,
        capabilities: backend.capabilities,
        description: backend.description,
        run: (request, signal) => ((runs += 1), backend.run(request, signal)),
        dispose: async () => {},
      };
      for (const method of ['grad-cam', 'grad-cam++', 'layer-cam']) {
        expect(await rejectionKindOf(resolved.explain({ backend: counting, input, method }))).toBe('unsupported-capability');
      }
      expect(runs).toBe(0);
    } finally {
      await backend.dispose();
    }
  });
});
