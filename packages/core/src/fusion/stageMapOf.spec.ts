import { fuseStages, stageMapOf, type Fusion, type Map2D } from '@polycam/core';
import { describe, expect, it } from 'vitest';

const copying: Fusion = { id: 'copy', description: 'P_l = C_l', fuse: (cam) => cam };

describe('stageMapOf', () => {
  it('is u then a bilinear resize for a fusion with no stage map: [0, 2] → u = [0, 1] (p0.1 = 0.002, p99.9 = 1.998, clamped) → 1×4', () => {
    const map = stageMapOf(copying, { height: 1, width: 2, data: Float32Array.of(0, 2) }, 1, 4);
    expect([map.height, map.width]).toEqual([1, 4]);
    // u([0, 2]) = clamp(([0, 2] − 0.002) / 1.998) = [0, 1]; resized to 4 with half-pixel centres: [0, .25, .75, 1].
    expect(Array.from(map.data).map((value) => Number(value.toFixed(6)))).toEqual([0, 0.25, 0.75, 1]);
  });

  it('uses the fusion’s own stage map when it has one', () => {
    const own: Fusion = { ...copying, stageMap: (fused, height, width) => ({ height, width, data: new Float32Array(height * width).fill(fused.data[0]!) }) };
    expect(Array.from(stageMapOf(own, { height: 1, width: 1, data: Float32Array.of(0.5) }, 2, 2).data)).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it('fuseStages hands the input’s size to every fuse, and nothing when not given one', () => {
    const seen: unknown[] = [];
    const recording: Fusion = { ...copying, fuse: (cam, _deeper, input) => (seen.push(input), cam) };
    const stages: { cam: Map2D }[] = [{ cam: { height: 1, width: 1, data: Float32Array.of(1) } }, { cam: { height: 1, width: 1, data: Float32Array.of(2) } }];
    fuseStages(stages, recording, { height: 3, width: 4 });
    fuseStages(stages, recording);
    expect(seen).toEqual([{ height: 3, width: 4 }, { height: 3, width: 4 }, undefined, undefined]);
  });
});
