import {
  Explainer,
  fuseStages,
  seededRandom,
  type ExplainEvent,
  type ExplainResult,
  type Fusion,
  type Map2D,
  type Tensor,
  type WeightingStrategy,
} from '@polycam/core';
import { createToyBackend } from '@polycam/core/testing';
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';

// The one order of every per-layer list: the model's forward order (shallow to deep). The
// fusion runs the other way, and the `layer` events come in fusion order, but each names its
// stage's place in forward order. Five of the toy backend's layers, shallow to deep.

const LAYERS = ['conv1', 'relu1', 'pool1', 'conv2', 'relu2'];

function randomInput(seed: number): Tensor {
  const random = seededRandom(seed);
  return { shape: [1, 3, 16, 16], data: Float32Array.from({ length: 768 }, () => random() * 4 - 2) };
}

/** Weighs channel k by k + 1, without any pass. */
const rising: WeightingStrategy = {
  id: 'rising',
  description: 'w_k = k + 1',
  requires: ['forward'],
  plannedEvaluations: () => 0,
  computeWeights: async ({ activation }) => Float32Array.from({ length: activation.shape[0]! }, (_, k) => k + 1),
};

/** P_L = C_L; P_l = C_l + (the size of P_{l+1}): it records what it fused, in order. */
function recordingFusion(): Fusion & { calls: { cam: Map2D; deeper: Map2D | undefined; fused: Map2D }[] } {
  const calls: { cam: Map2D; deeper: Map2D | undefined; fused: Map2D }[] = [];
  return {
    id: 'recording',
    description: 'adds the deeper map’s size to each CAM',
    calls,
    fuse(cam, deeper) {
      const fused = { ...cam, data: cam.data.map((value) => value + (deeper ? deeper.height * deeper.width : 0)) };
      calls.push({ cam, deeper, fused });
      return fused;
    },
  };
}

async function explainEvents(explainer: Explainer, method: string, layers?: string[]): Promise<{ events: ExplainEvent[]; result: ExplainResult }> {
  const events = await lastValueFrom(
    explainer.explain$({ backend: createToyBackend(), input: randomInput(6), method, ...(layers ? { layers } : {}) }).pipe(toArray()),
  );
  return { events, result: (events.at(-1) as Extract<ExplainEvent, { type: 'result' }>).result };
}

describe('the order of stages and layer events', () => {
  it('lists stages like layers, fuses from the last to the first, and ends on the first', async () => {
    const fusion = recordingFusion();
    const explainer = new Explainer({
      strategies: [rising],
      fusions: [fusion],
      presets: [{ id: 'order', aliases: [], strategy: 'rising', fusion: 'recording', description: 'the order test' }],
    });
    // Given out of order, the layers are still taken in forward order.
    const { events, result } = await explainEvents(explainer, 'order', ['relu2', 'conv1', 'pool1', 'conv2', 'relu1']);

    expect(result.layers).toEqual(LAYERS);
    expect(result.stages.map((stage) => stage.layer)).toEqual(LAYERS);
    result.stages.forEach((stage, index) => expect(stage.layer).toBe(result.layers[index]));
    expect(result.map).toBe(result.stages[0]!.map);

    // The layer events come deepest first, with their stage's place in forward order: 4 … 0.
    const layerEvents = events.filter((event) => event.type === 'layer');
    expect(layerEvents.map((event) => event.index)).toEqual([4, 3, 2, 1, 0]);
    expect(layerEvents.map((event) => event.stage.layer)).toEqual([...LAYERS].reverse());
    layerEvents.forEach((event) => expect(event.stage).toBe(result.stages[event.index]));

    // The fusion ran from relu2 down to conv1, each stage fused with the next deeper one.
    expect(fusion.calls.map((call) => call.cam)).toEqual([...result.stages].reverse().map((stage) => stage.cam));
    result.stages.forEach((stage, index) => {
      const call = fusion.calls[LAYERS.length - 1 - index]!;
      expect(call.cam).toBe(stage.cam);
      expect(call.fused).toBe(stage.fused);
      expect(call.deeper).toBe(result.stages[index + 1]?.fused);
    });
    // conv1 and relu1 are 16×16; pool1, conv2 and relu2 are 8×8.
    expect(result.stages.map((stage) => [stage.cam.height, stage.cam.width])).toEqual([[16, 16], [16, 16], [8, 8], [8, 8], [8, 8]]);

    // fuseStages takes the stages as the result lists them, and fuses them the same way.
    expect(fuseStages(result.stages, recordingFusion()).data).toEqual(result.stages[0]!.fused.data);
  });
});
