import { seededRandom } from '@polycam/core';
import { createToyBackend } from '@polycam/core/testing';
import { RiseMethod } from '@polycam/method-baselines';
import { describe, expect, it } from 'vitest';
import { attributionContext } from './attributionContext.testkit.js';
import { writeRiseMask } from './writeRiseMask.js';

describe('writeRiseMask', () => {
  it('keeps every pixel when every cell is kept (p = 1), and none when p = 0', () => {
    const mask = new Float32Array(256);
    writeRiseMask(seededRandom(1), 7, 1, 16, 16, mask);
    expect(mask.every((value) => value === 1)).toBe(true);
    writeRiseMask(seededRandom(1), 7, 0, 16, 16, mask);
    expect(mask.every((value) => value === 0)).toBe(true);
  });

  it('draws soft masks in [0, 1] whose mean over many draws is about p', () => {
    const random = seededRandom(2);
    const mask = new Float32Array(256);
    let total = 0;
    for (let draw = 0; draw < 400; draw += 1) {
      writeRiseMask(random, 4, 0.3, 16, 16, mask);
      expect(mask.every((value) => value >= 0 && value <= 1)).toBe(true);
      total += mask.reduce((sum, value) => sum + value, 0) / 256;
    }
    expect(total / 400).toBeGreaterThan(0.25);
    expect(total / 400).toBeLessThan(0.35);
  });
});

describe('RiseMethod', () => {
  it('computes Σ_i s(X ⊙ M_i) M_i / (N p) (brute force over the same seeded masks)', async () => {
    const backend = createToyBackend();
    const { context, counts } = await attributionContext(backend, 3, 7);
    const map = await new RiseMethod({ masks: 20, cells: 3, probability: 0.4, seed: 9 }).attribute(context);
    const random = seededRandom(9);
    const expected = new Float64Array(256);
    const mask = new Float32Array(256);
    for (let i = 0; i < 20; i += 1) {
      writeRiseMask(random, 3, 0.4, 16, 16, mask);
      const masked = Float32Array.from(context.input.data, (value, index) => value * mask[index % 256]!);
      const score = context.target.score((await backend.run({ input: { shape: [1, 3, 16, 16], data: masked } })).output.data);
      mask.forEach((value, index) => (expected[index]! += (score * value) / (20 * 0.4)));
    }
    expect([map.height, map.width]).toEqual([16, 16]);
    map.data.forEach((value, index) => expect(value).toBeCloseTo(expected[index]!, 5));
    expect(counts).toEqual({ run: 20, saved: 0 });
  });

  it('gives s(X) everywhere when every mask keeps everything (p = 1)', async () => {
    const { context } = await attributionContext(createToyBackend(), 4);
    const map = await new RiseMethod({ masks: 3, probability: 1 }).attribute(context);
    map.data.forEach((value) => expect(value).toBeCloseTo(context.baseScore, 6));
  });

  it('is seeded, batched within the batch size and independent of it', async () => {
    const sizes: number[] = [];
    const backend = createToyBackend({ onRun: (size) => sizes.push(size) });
    const small = await attributionContext(backend, 5, 3);
    sizes.length = 0;
    const first = await new RiseMethod({ masks: 10, seed: 1 }).attribute(small.context);
    expect(sizes).toEqual([3, 3, 3, 1]);
    const large = await attributionContext(backend, 5, 32);
    const again = await new RiseMethod({ masks: 10, seed: 1 }).attribute(large.context);
    again.data.forEach((value, index) => expect(value).toBeCloseTo(first.data[index]!, 6));
    const other = await new RiseMethod({ masks: 10, seed: 2 }).attribute(large.context);
    expect(other.data.some((value, index) => Math.abs(value - first.data[index]!) > 1e-4)).toBe(true);
  });

  it('defaults to 4000 masks, and refuses impossible options', () => {
    const model = createToyBackend().description;
    expect(new RiseMethod().plannedEvaluations()).toBe(4000);
    expect(new RiseMethod({ masks: 12 }).plannedEvaluations()).toBe(12);
    expect(model.input.shape).toEqual([3, 16, 16]);
    expect(() => new RiseMethod({ masks: 0 })).toThrow(/positive integer/);
    expect(() => new RiseMethod({ probability: 0 })).toThrow(/probability/);
  });

  it('stops with aborted before any run when its signal has fired', async () => {
    const sizes: number[] = [];
    const backend = createToyBackend({ onRun: (size) => sizes.push(size) });
    const { context } = await attributionContext(backend, 6);
    sizes.length = 0;
    const controller = new AbortController();
    controller.abort();
    await expect(new RiseMethod({ masks: 5 }).attribute({ ...context, signal: controller.signal })).rejects.toMatchObject({ kind: 'aborted' });
    expect(sizes).toEqual([]);
  });
});
