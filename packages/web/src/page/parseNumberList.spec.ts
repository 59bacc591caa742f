import { errorKindOf } from '@polycam/core/testing';
import { describe, expect, it } from 'vitest';
import { parseNumberList } from './parseNumberList.js';

describe('parseNumberList', () => {
  it('reads comma-separated numbers, spaces allowed', () => {
    expect(parseNumberList('mean', '0.485, 0.456,0.406', 3)).toEqual([0.485, 0.456, 0.406]);
  });

  it('refuses words, empty text and the wrong count with one line each', () => {
    expect(errorKindOf(() => parseNumberList('mean', '0.5,x,0.5', 3))).toBe('invalid-argument');
    expect(() => parseNumberList('std', '', 3)).toThrow("std must be comma-separated numbers, got ''");
    expect(() => parseNumberList('std', '1,1', 3)).toThrow("std has 2 values but the model's input has 3 channels");
  });
});
