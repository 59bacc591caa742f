import { seededRandom, type Map2D } from '@polycam/core';
import { resizeBilinear } from '@polycam/core/kernels';
import { LNormFusion } from '@polycam/method-polycam';
import { describe, expect, it } from 'vitest';

// P_l = ReLU(C / max(up(down(C)), 1e−12) ⊙ up(P_{l+1})), written with plain loops. For a
// factor-2 size change, down() is 2×2 block averaging; up() is the bilinear resize.

function map(height: number, width: number, values: readonly number[]): Map2D {
  expect(values).toHaveLength(height * width);
  return { height, width, data: Float32Array.from(values) };
}

function blockAverage2(source: Map2D): Map2D {
  const height = source.height / 2;
  const width = source.width / 2;
  const data = new Float32Array(height * width);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let sum = 0;
      for (let dy = 0; dy < 2; dy += 1) {
        for (let dx = 0; dx < 2; dx += 1) sum += source.data[(2 * y + dy) * source.width + 2 * x + dx]!;
      }
      data[y * width + x] = sum / 4;
    }
  }
  return { height, width, data };
}

function lnormFuseDirect(cam: Map2D, deeper: Map2D): Float64Array {
  const local = resizeBilinear(blockAverage2(cam), cam.height, cam.width).data;
  const upDeeper = resizeBilinear(deeper, cam.height, cam.width).data;
  const output = new Float64Array(cam.data.length);
  for (let index = 0; index < output.length; index += 1) {
    const normalized = cam.data[index]! / Math.max(local[index]!, 1e-12);
    const product = normalized * upDeeper[index]!;
    output[index] = product > 0 ? product : 0;
  }
  return output;
}

function expectClose(actual: Float32Array, expected: ArrayLike<number>, relative = 1e-6): void {
  expect(actual).toHaveLength(expected.length);
  for (let index = 0; index < expected.length; index += 1) {
    const want = expected[index]!;
    expect(Number.isNaN(actual[index]!), `NaN at ${index}`).toBe(false);
    expect(Math.abs(actual[index]! - want), `at ${index}: ${actual[index]} vs ${want}`).toBeLessThanOrEqual(
      relative * Math.max(1, Math.abs(want)),
    );
  }
}

describe('LNormFusion', () => {
  const fusion = new LNormFusion();

  it('is registered as lnorm', () => {
    expect(fusion.id).toBe('lnorm');
    expect(fusion.description).toMatch(/\S/);
  });

  it('rectifies the deepest layer and nothing more', () => {
    const cam = map(2, 3, [1.5, -2, 0, 3, -0.25, 7]);
    const copy = cam.data.slice();
    const fused = fusion.fuse(cam, undefined);
    expect([fused.height, fused.width]).toEqual([2, 3]);
    expect(Array.from(fused.data)).toEqual([1.5, 0, 0, 3, 0, 7]);
    expect(fused.data).not.toBe(cam.data);
    expect(cam.data).toEqual(copy);
  });

  it('fuses a hand-made 4×4 CAM with a 2×2 deeper map as the direct formula', () => {
    // The bottom-left 2×2 block is all zero: its local mean is 0 at (3,0) and (3,1), where the
    // 1e−12 floor must give 0, not NaN. The deeper map has a zero too.
    const cam = map(4, 4, [
      0, 1, 2, 3,
      4, 5, 6, 7,
      0, 0, 1, 1,
      0, 0, 2, 0,
    ]);
    const deeper = map(2, 2, [0.5, 2, 1, 0]);
    const camCopy = cam.data.slice();
    const deeperCopy = deeper.data.slice();
    const fused = fusion.fuse(cam, deeper);
    expect([fused.height, fused.width]).toEqual([4, 4]);
    const expected = lnormFuseDirect(cam, deeper);
    expectClose(fused.data, expected);
    expect(fused.data.every((value) => value >= 0)).toBe(true);
    expect(fused.data[12]).toBe(0);
    expect(fused.data[13]).toBe(0);
    // One entry by hand: at pixel (0,1) the upsampling uses block row 0 only (its source
    // coordinate −0.25 clamps to 0) and mixes block columns 0 and 1 with weights 0.75 and 0.25.
    const topLeftBlock = (0 + 1 + 4 + 5) / 4;
    const topRightBlock = (2 + 3 + 6 + 7) / 4;
    const local01 = 0.75 * topLeftBlock + 0.25 * topRightBlock;
    const up01 = 0.75 * 0.5 + 0.25 * 2;
    expect(fused.data[1]).toBeCloseTo((1 / local01) * up01, 6);
    expect(cam.data).toEqual(camCopy);
    expect(deeper.data).toEqual(deeperCopy);
  });

  it('fuses random 8×8 and 4×4 maps as the direct formula', () => {
    const random = seededRandom(31);
    for (let trial = 0; trial < 5; trial += 1) {
      const cam = map(8, 8, Array.from({ length: 64 }, () => (random() < 0.3 ? 0 : random() * 3)));
      const deeper = map(4, 4, Array.from({ length: 16 }, () => (random() < 0.2 ? 0 : random())));
      expectClose(fusion.fuse(cam, deeper).data, lnormFuseDirect(cam, deeper));
    }
  });

  it('is not the fusion without LNorm on a non-uniform map', () => {
    const cam = map(4, 4, [0, 1, 2, 3, 4, 5, 6, 7, 0, 0, 1, 1, 0, 0, 2, 0]);
    const deeper = map(2, 2, [1, 1, 1, 1]);
    // With a uniform deeper map, LNorm alone shapes the result: C / local mean.
    const fused = fusion.fuse(cam, deeper);
    expect(Math.abs(fused.data[5]! - 5)).toBeGreaterThan(0.1);
    expectClose(fused.data, lnormFuseDirect(cam, deeper));
  });

  it('follows resize(resize(C, coarse), fine) for sizes that are not a factor of 2', () => {
    // METHOD.md defines LNorm by resizing, whatever the ratio: 7×5 → 4×3 and back.
    const random = seededRandom(8);
    const cam = map(7, 5, Array.from({ length: 35 }, () => random() * 2));
    const deeper = map(4, 3, Array.from({ length: 12 }, () => random()));
    const local = resizeBilinear(resizeBilinear(cam, 4, 3), 7, 5).data;
    const up = resizeBilinear(deeper, 7, 5).data;
    const expected = Array.from(cam.data, (value, index) => Math.max((value / Math.max(local[index]!, 1e-12)) * up[index]!, 0));
    const fused = fusion.fuse(cam, deeper);
    expect([fused.height, fused.width]).toEqual([7, 5]);
    expectClose(fused.data, expected);
  });
});
