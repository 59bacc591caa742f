import { createToyBackend } from '@polycam/core/testing';
import { OcclusionMethod } from '@polycam/method-baselines';
import { describe, expect, it } from 'vitest';
import { attributionContext } from './attributionContext.testkit.js';
import { windowStarts } from './windowStarts.js';

describe('windowStarts', () => {
  it("gives the paper's 21 positions of a 64-pixel patch with stride 8 over 224 pixels", () => {
    expect(windowStarts(224, 64, 8)).toEqual(Array.from({ length: 21 }, (_, index) => index * 8));
  });

  it('adds a last patch flush with the edge when the stride misses it', () => {
    expect(windowStarts(10, 4, 4)).toEqual([0, 4, 6]);
    expect(windowStarts(5, 5, 3)).toEqual([0]);
  });
});

describe('OcclusionMethod', () => {
  it('credits each pixel with the mean score drop of the patches covering it (brute force)', async () => {
    const backend = createToyBackend();
    const { context, counts } = await attributionContext(backend, 7, 4);
    const map = await new OcclusionMethod({ patch: 8, stride: 4 }).attribute(context);
    const drop = new Float64Array(256);
    const cover = new Float64Array(256);
    for (const y0 of [0, 4, 8]) {
      for (const x0 of [0, 4, 8]) {
        const inside = (index: number): boolean => {
          const [y, x] = [Math.floor((index % 256) / 16), index % 16];
          return y >= y0 && y < y0 + 8 && x >= x0 && x < x0 + 8;
        };
        const occluded = Float32Array.from(context.input.data, (value, index) => (inside(index) ? 0 : value));
        const score = context.target.score((await backend.run({ input: { shape: [1, 3, 16, 16], data: occluded } })).output.data);
        for (let index = 0; index < 256; index += 1) {
          if (inside(index)) {
            drop[index]! += context.baseScore - score;
            cover[index]! += 1;
          }
        }
      }
    }
    map.data.forEach((value, index) => expect(value).toBeCloseTo(drop[index]! / cover[index]!, 6));
    expect(counts).toEqual({ run: 9, saved: 0 });
    expect(new OcclusionMethod({ patch: 8, stride: 4 }).plannedEvaluations(backend.description)).toBe(9);
  });

  it('uses the occluded value it is given', async () => {
    const backend = createToyBackend();
    const { context } = await attributionContext(backend, 8);
    const zero = await new OcclusionMethod({ patch: 16, stride: 16 }).attribute(context);
    const two = await new OcclusionMethod({ patch: 16, stride: 16, baseline: 2 }).attribute(context);
    const filled = (await backend.run({ input: { shape: [1, 3, 16, 16], data: new Float32Array(768).fill(2) } })).output.data;
    two.data.forEach((value) => expect(value).toBeCloseTo(context.baseScore - context.target.score(filled), 6));
    expect(Math.abs(zero.data[0]! - two.data[0]!)).toBeGreaterThan(1e-6);
  });

  it("scales the paper's 64/8 to the input by default: a 5-pixel patch, stride 1, 12×12 positions at 16×16", () => {
    expect(new OcclusionMethod().plannedEvaluations(createToyBackend().description)).toBe(144);
    expect(() => new OcclusionMethod({ patch: 0 })).toThrow(/positive integer/);
  });
});
