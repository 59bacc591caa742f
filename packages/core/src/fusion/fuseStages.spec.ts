import { fuseStages, PolycamError, type Fusion, type Map2D } from '@polycam/core';
import { describe, expect, it } from 'vitest';

// A fusion whose result depends on the order it is fed: P = C for the deepest, then
// P_l = 2·C_l + P_{l+1}. It records what it was given.
function doublingFusion(): Fusion & { calls: [number[], number[] | undefined][] } {
  const calls: [number[], number[] | undefined][] = [];
  return {
    id: 'double-and-add',
    description: 'P_l = 2 C_l + P_{l+1}',
    calls,
    fuse(cam, deeper) {
      calls.push([[...cam.data], deeper && [...deeper.data]]);
      if (deeper === undefined) return cam;
      return { ...cam, data: cam.data.map((value, index) => 2 * value + deeper.data[index]!) };
    },
  };
}

const map = (...values: number[]): Map2D => ({ height: 1, width: values.length, data: Float32Array.from(values) });

describe('fuseStages', () => {
  it('takes the stages in forward order and fuses the last (deepest) first, each CAM with the map fused so far', () => {
    const fusion = doublingFusion();
    // C_1 = [5, 6] (shallowest, first), C_2 = [3, 4], C_3 = [1, 2] (deepest, last):
    // P_3 = [1, 2]; P_2 = 2·[3, 4] + [1, 2] = [7, 10]; P_1 = 2·[5, 6] + [7, 10] = [17, 22].
    const fused = fuseStages([{ cam: map(5, 6) }, { cam: map(3, 4) }, { cam: map(1, 2) }], fusion);
    expect([...fused.data]).toEqual([17, 22]);
    expect([fused.height, fused.width]).toEqual([1, 2]);
    expect(fusion.calls).toEqual([
      [[1, 2], undefined],
      [[3, 4], [1, 2]],
      [[5, 6], [7, 10]],
    ]);
  });

  it("gives one stage's CAM as the deepest fuses it", () => {
    expect([...fuseStages([{ cam: map(3, 4) }], doublingFusion()).data]).toEqual([3, 4]);
  });

  it('refuses an empty list with invalid-argument', () => {
    let error: unknown;
    try {
      fuseStages([], doublingFusion());
    } catch (caught) {
      error = caught;
    }
    expect(PolycamError.is(error, 'invalid-argument')).toBe(true);
  });
});
