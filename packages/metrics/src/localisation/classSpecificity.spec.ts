import { describe, expect, it } from 'vitest';
import { errorKindOf } from '@polycam/core/testing';
import { classSpecificity } from './classSpecificity.js';

describe('classSpecificity', () => {
  const map = { height: 2, width: 3, data: Float32Array.from([4, 0, 1, 2, 0, 3]) }; // sum 10
  it('gives the share of the map on each object, worked by hand', () => {
    const own = Uint8Array.from([1, 0, 0, 1, 0, 0]); // 4 + 2 = 6
    const other = Uint8Array.from([0, 0, 1, 0, 0, 1]); // 1 + 3 = 4
    expect(classSpecificity(map, own, other)).toEqual({ own: 0.6, other: 0.4 });
  });
  it('refuses masks of another size', () => {
    expect(errorKindOf(() => classSpecificity(map, new Uint8Array(4), new Uint8Array(6)))).toBe('invalid-argument');
  });
});
