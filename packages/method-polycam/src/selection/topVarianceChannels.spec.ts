import { describe, expect, it } from 'vitest';
import { topVarianceChannels } from '@polycam/method-polycam';

// Five 2×2 channels whose population variances are worked out by hand:
// c0 [1,1,1,1] → 0; c1 [0,2,0,2] → 1; c2 [0,4,0,4] → 4; c3 [5,7,5,7] → 1; c4 [-3,3,-3,3] → 9.
const activation = {
  shape: [5, 2, 2],
  data: Float32Array.from([1, 1, 1, 1, 0, 2, 0, 2, 0, 4, 0, 4, 5, 7, 5, 7, -3, 3, -3, 3]),
};

describe('topVarianceChannels', () => {
  it('keeps the channels of largest variance, listed in increasing order', () => {
    expect([...topVarianceChannels(activation, 1)]).toEqual([4]);
    expect([...topVarianceChannels(activation, 2)]).toEqual([2, 4]);
  });

  it('breaks equal variances by the lower channel index', () => {
    // c1 and c3 both have variance 1 (c3 is c1 shifted by 5): the third pick is c1.
    expect([...topVarianceChannels(activation, 3)]).toEqual([1, 2, 4]);
    expect([...topVarianceChannels(activation, 4)]).toEqual([1, 2, 3, 4]);
  });

  it('keeps every channel when asked for more than there are', () => {
    expect([...topVarianceChannels(activation, 99)]).toEqual([0, 1, 2, 3, 4]);
  });

  it('leaves the activation untouched', () => {
    const copy = activation.data.slice();
    topVarianceChannels(activation, 2);
    expect(activation.data).toEqual(copy);
  });
});
