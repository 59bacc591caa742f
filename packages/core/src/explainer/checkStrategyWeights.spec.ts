import { Explainer, type WeightingStrategy } from '@polycam/core';
import { createToyBackend, errorKindOf, rejectionKindOf } from '@polycam/core/testing';
import { describe, expect, it } from 'vitest';
import { checkStrategyWeights } from './checkStrategyWeights.js';

const activation = { shape: [3, 2, 4], data: new Float32Array(24) };

function strategy(granularity: 'channel' | 'element', count: number): WeightingStrategy {
  return {
    id: 'miscounting',
    description: `returns ${count} weights`,
    requires: ['forward'],
    granularity,
    plannedEvaluations: () => 0,
    computeWeights: async () => new Float32Array(count),
  };
}

describe('checkStrategyWeights', () => {
  it('passes K weights for a channel strategy and K·h·w for an element one, unchanged', () => {
    const channel = new Float32Array([1, 2, 3]);
    expect(checkStrategyWeights(strategy('channel', 3), 'conv', activation, channel)).toBe(channel);
    const element = new Float32Array(3 * 2 * 4);
    expect(checkStrategyWeights(strategy('element', 24), 'conv', activation, element)).toBe(element);
  });

  it('reports any other count as the plugin’s bug, naming the strategy, the layer and the count it needs', () => {
    const call = (): Float32Array => checkStrategyWeights(strategy('channel', 2), 'conv', activation, new Float32Array(2));
    expect(errorKindOf(call)).toBe('invalid-plugin');
    expect(call).toThrow("weighting strategy 'miscounting' returned 2 weights for layer 'conv', which needs 3 (one per channel)");
    expect(errorKindOf(() => checkStrategyWeights(strategy('element', 3), 'conv', activation, new Float32Array(3)))).toBe('invalid-plugin');
  });

  it('stops an explanation whose strategy returns one weight too few, before any stage', async () => {
    const explainer = new Explainer({
      strategies: [strategy('channel', 1)],
      fusions: [{ id: 'keep', description: 'P = C', fuse: (cam) => cam }],
      presets: [{ id: 'bad', aliases: [], description: 'a strategy that miscounts', strategy: 'miscounting', fusion: 'keep' }],
    });
    const input = { shape: [1, 3, 16, 16], data: new Float32Array(768).fill(0.5) };
    const stages: unknown[] = [];
    const events = new Promise<void>((resolve, reject) =>
      explainer.explain$({ backend: createToyBackend(), input, method: 'bad' }).subscribe({
        next: (event) => event.type === 'layer' && stages.push(event.stage),
        error: reject,
        complete: resolve,
      }),
    );
    expect(await rejectionKindOf(events)).toBe('invalid-plugin');
    expect(stages).toEqual([]);
  });
});
