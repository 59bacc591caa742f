import { describe, expect, it } from 'vitest';
import type { LayerInfo } from '../backend/LayerInfo.js';
import { spatialResolutions } from './spatialResolutions.js';

const layer = (name: string, shape: readonly number[]): LayerInfo => ({ name, shape });

describe('spatialResolutions', () => {
  it('lists each spatial size once, in the order the layers first reach it', () => {
    const layers = [
      layer('stem', [8, 16, 16]),
      layer('pool', [8, 8, 8]),
      layer('se', [8, 1, 1]),
      layer('scaled', [8, 8, 8]),
      layer('wide', [4, 16, 8]),
      layer('conv', [16, 16, 16]),
      layer('flat', [128]),
      layer('seq', [4, 16]),
    ];
    expect(spatialResolutions(layers)).toEqual([
      [16, 16],
      [8, 8],
      [16, 8],
    ]);
  });

  it('finds none without a spatial layer', () => {
    expect(spatialResolutions([layer('gap', [8, 1, 1]), layer('logits', [10])])).toEqual([]);
    expect(spatialResolutions([])).toEqual([]);
  });
});
