import type { Fusion, Map2D } from '@polycam/core';
import { SingleLayerFusion } from '@polycam/method-polycam';
import { describe, expect, it } from 'vitest';

// The single-layer ablation (paper Appendix B.1): each stage is its own layer's CAM.

describe('SingleLayerFusion', () => {
  const fusion = new SingleLayerFusion();
  const cam: Map2D = { height: 2, width: 3, data: Float32Array.of(0, 1.5, 2, 0.25, 0, 3) };

  it('is registered as single-layer', () => {
    expect(fusion.id).toBe('single-layer');
    expect(fusion.description).toMatch(/\S/);
  });

  it('returns a copy of the CAM and ignores the deeper map', () => {
    const deeper: Map2D = { height: 1, width: 1, data: Float32Array.of(0) };
    const asFusion: Fusion = fusion; // the explainer calls it through the Fusion contract
    for (const fused of [asFusion.fuse(cam, undefined), asFusion.fuse(cam, deeper)]) {
      expect([fused.height, fused.width]).toEqual([2, 3]);
      expect(fused.data).toEqual(cam.data);
      expect(fused.data).not.toBe(cam.data);
      expect(fused.data.buffer).not.toBe(cam.data.buffer);
    }
  });

  it('shares no memory with its input', () => {
    const fused = fusion.fuse(cam);
    fused.data[1] = 99;
    expect(cam.data[1]).toBe(1.5);
  });
});
