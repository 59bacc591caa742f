import { seededRandom, type Map2D } from '@polycam/core';
import { resizeBilinear } from '@polycam/core/kernels';
import { LNormFusion, NoLNormFusion } from '@polycam/method-polycam';
import { describe, expect, it } from 'vitest';

// The ablation without LNorm (paper Appendix B.2): P_l = ReLU(C_l ⊙ up(P_{l+1})).

function map(height: number, width: number, values: readonly number[]): Map2D {
  return { height, width, data: Float32Array.from(values) };
}

describe('NoLNormFusion', () => {
  const fusion = new NoLNormFusion();

  it('is registered as no-lnorm', () => {
    expect(fusion.id).toBe('no-lnorm');
    expect(fusion.description).toMatch(/\S/);
  });

  it('rectifies the deepest layer', () => {
    const fused = fusion.fuse(map(1, 4, [-1, 2, 0, 0.5]), undefined);
    expect([fused.height, fused.width]).toEqual([1, 4]);
    expect(Array.from(fused.data)).toEqual([0, 2, 0, 0.5]);
  });

  it('multiplies the CAM by the upsampled deeper map, with plain loops', () => {
    const cam = map(4, 4, [0, 1, 2, 3, 4, 5, 6, 7, 0, 0, 1, 1, 0, 0, 2, 0]);
    const deeper = map(2, 2, [0.5, 2, 1, 0]);
    const up = resizeBilinear(deeper, 4, 4).data;
    const camCopy = cam.data.slice();
    const fused = fusion.fuse(cam, deeper);
    expect([fused.height, fused.width]).toEqual([4, 4]);
    for (let index = 0; index < 16; index += 1) {
      const product = cam.data[index]! * up[index]!;
      expect(fused.data[index]).toBeCloseTo(product > 0 ? product : 0, 6);
    }
    // The top-left pixel: C = 0 → 0; pixel (1,1) mixes the deeper map as 0.75/0.25 both ways.
    const up11 = 0.75 * (0.75 * 0.5 + 0.25 * 2) + 0.25 * (0.75 * 1 + 0.25 * 0);
    expect(fused.data[5]).toBeCloseTo(5 * up11, 6);
    expect(cam.data).toEqual(camCopy);
  });

  it('differs from LNorm fusion where the local mean is not 1', () => {
    const random = seededRandom(4);
    const cam = map(8, 8, Array.from({ length: 64 }, () => random() * 3));
    const deeper = map(4, 4, Array.from({ length: 16 }, () => random()));
    const without = fusion.fuse(cam, deeper).data;
    const withLNorm = new LNormFusion().fuse(cam, deeper).data;
    expect(without.some((value, index) => Math.abs(value - withLNorm[index]!) > 1e-3)).toBe(true);
  });
});
