import { LayerCamFusion } from '@polycam/method-baselines';
import { describe, expect, it } from 'vitest';

describe('LayerCamFusion', () => {
  it('scales the deepest CAM by tanh(2 · minmax(C)) (hand-worked: [0, 2] → [0, tanh 2])', () => {
    const fused = new LayerCamFusion().fuse({ height: 1, width: 2, data: Float32Array.of(0, 2) }, undefined);
    expect(fused.data[0]).toBe(0);
    expect(fused.data[1]).toBeCloseTo(0.9640276, 6);
  });

  it('takes the element-wise max with the upsampled deeper map', () => {
    // C = [[0, 4], [2, 4]] → minmax [[0, 1], [0.5, 1]] → tanh(2·) [[0, .964], [.762, .964]]; deeper 1×1 [0.8]
    const fused = new LayerCamFusion().fuse({ height: 2, width: 2, data: Float32Array.of(0, 4, 2, 4) }, { height: 1, width: 1, data: Float32Array.of(0.8) });
    expect(fused.data[0]).toBeCloseTo(0.8, 6);
    expect(fused.data[1]).toBeCloseTo(0.9640276, 6);
    expect(fused.data[2]).toBeCloseTo(0.8, 6);
    expect(fused.data[3]).toBeCloseTo(0.9640276, 6);
  });

  it('honours another γ and keeps an all-zero CAM at zero', () => {
    expect(new LayerCamFusion(1).fuse({ height: 1, width: 2, data: Float32Array.of(0, 5) }, undefined).data[1]).toBeCloseTo(Math.tanh(1), 6);
    expect(Array.from(new LayerCamFusion().fuse({ height: 1, width: 2, data: new Float32Array(2) }, undefined).data)).toEqual([0, 0]);
  });
});
