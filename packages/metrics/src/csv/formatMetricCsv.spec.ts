import { describe, expect, it } from 'vitest';
import { formatFloat32 } from './formatFloat32.js';
import { formatMetricCsv } from './formatMetricCsv.js';

// The expected texts are what pandas 1.5 writes for
// `DataFrame.from_dict({...float32 arrays...}, orient='index').to_csv()` (checked once by hand).
describe('formatMetricCsv', () => {
  it('writes an AUC file: one column named 0, one row per image', () => {
    const rows = new Map([
      ['a.png', [0.45907816]],
      ['b,c.png', [1 / 3]],
    ]);
    expect(formatMetricCsv(rows)).toBe(',0\na.png,0.45907816\n"b,c.png",0.33333334\n');
  });

  it('writes a details file: one column per step', () => {
    expect(formatMetricCsv(new Map([['a.png', Float32Array.from([0.1, 0.2, 1 / 3])]]))).toBe(',0,1,2\na.png,0.1,0.2,0.33333334\n');
  });

  it('quotes names with quotes or line breaks, doubling inner quotes', () => {
    expect(formatMetricCsv(new Map([['say "hi".png', [0.25]]]))).toBe(',0\n"say ""hi"".png",0.25\n');
  });

  it('writes only the header for no image', () => {
    expect(formatMetricCsv(new Map())).toBe('\n');
  });
});

describe('formatFloat32', () => {
  it('prints what numpy prints for a float32, as pandas writes it', () => {
    // Expected texts from pandas 1.5 / numpy 1.24 writing these float32 values to CSV.
    const cases: [number, string][] = [
      [0.1, '0.1'], [1 / 3, '0.33333334'], [0.4590781629085541, '0.45907816'], [1, '1.0'], [0, '0.0'],
      [1e-8, '1e-08'], [3.5e-8, '3.5e-08'], [1e-4, '1e-04'], [0.00012345, '0.00012345'], [1e-5, '1e-05'],
      [123.5, '123.5'], [2, '2.0'], [1e16, '1e+16'], [12345678, '12345678.0'],
    ];
    for (const [value, text] of cases) expect(formatFloat32(value), String(value)).toBe(text);
    for (const value of [0.123456789, 7.7e-5, 0.999999]) {
      expect(Math.fround(Number(formatFloat32(value)))).toBe(Math.fround(value));
    }
  });

  it('writes NaN and infinities as pandas does', () => {
    expect([formatFloat32(NaN), formatFloat32(Infinity), formatFloat32(-Infinity)]).toEqual(['nan', 'inf', '-inf']);
  });
});
