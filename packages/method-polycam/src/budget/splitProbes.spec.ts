import { splitProbesByInertia, splitProbesEvenly } from '@polycam/method-polycam';
import { describe, expect, it } from 'vitest';

describe('splitProbesEvenly', () => {
  it('gives every layer the same share, capped at its need, the rest to the deeper layers', () => {
    // 12 = 4 + 4 + 4, capped at 2 for the first layer: its 2 spare go one each to the others.
    expect(splitProbesEvenly([2, 10, 10], 12)).toEqual([2, 5, 5]);
    // One more, odd: to the deepest layer.
    expect(splitProbesEvenly([2, 10, 10], 13)).toEqual([2, 5, 6]);
    expect(splitProbesEvenly([2, 10, 10], 2)).toEqual([0, 1, 1]);
    expect(splitProbesEvenly([2, 10, 10], 0)).toEqual([0, 0, 0]);
    expect(splitProbesEvenly([2, 10, 10], 99)).toEqual([2, 10, 10]);
    expect(splitProbesEvenly([0, 3], 2)).toEqual([0, 2]);
  });
});

describe('splitProbesByInertia', () => {
  // Layer 0: merges costing 1 then 3 (inertia 4: relative 0.25, 0.75).
  // Layer 1: merges costing 2, 2, 6 (inertia 10: relative 0.2, 0.2, 0.6).
  const dendrograms = [
    [
      { keep: 0, drop: 1, cost: 1 },
      { keep: 0, drop: 2, cost: 3 },
    ],
    [
      { keep: 0, drop: 1, cost: 2 },
      { keep: 2, drop: 3, cost: 2 },
      { keep: 0, drop: 2, cost: 6 },
    ],
  ];

  it('takes the merges of smallest relative cost first, across layers', () => {
    expect(splitProbesByInertia([3, 4], dendrograms, 7)).toEqual([3, 4]);
    expect(splitProbesByInertia([3, 4], dendrograms, 6)).toEqual([3, 3]); // 0.2 in layer 1
    expect(splitProbesByInertia([3, 4], dendrograms, 5)).toEqual([3, 2]); // then the other 0.2
    expect(splitProbesByInertia([3, 4], dendrograms, 4)).toEqual([2, 2]); // then 0.25 in layer 0
    expect(splitProbesByInertia([3, 4], dendrograms, 3)).toEqual([2, 1]); // then 0.6 in layer 1
    expect(splitProbesByInertia([3, 4], dendrograms, 2)).toEqual([1, 1]); // then 0.75
  });

  it('leaves the shallowest layers with nothing when there are fewer probes than layers', () => {
    expect(splitProbesByInertia([3, 4], dendrograms, 1)).toEqual([0, 1]);
    expect(splitProbesByInertia([3, 4], dendrograms, 0)).toEqual([0, 0]);
  });

  it('gives a layer without masks nothing', () => {
    expect(splitProbesByInertia([0, 4], [[], dendrograms[1]!], 2)).toEqual([0, 2]);
  });
});
