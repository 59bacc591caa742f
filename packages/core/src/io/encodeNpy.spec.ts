import { describe, expect, it } from 'vitest';
import { decodeNpy } from './decodeNpy.js';
import { encodeNpy } from './encodeNpy.js';

function headerOf(bytes: Uint8Array): string {
  const length = bytes[8]! | (bytes[9]! << 8);
  return String.fromCharCode(...bytes.subarray(10, 10 + length));
}

describe('encodeNpy', () => {
  it('writes the .npy 1.0 magic, a 64-byte-aligned header and little-endian float32 data', () => {
    const bytes = encodeNpy({ shape: [2, 3], data: Float32Array.from([0, 0.5, 1, -1.25, 2, 3]) });
    expect(Array.from(bytes.subarray(0, 8))).toEqual([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
    const header = headerOf(bytes);
    expect((10 + header.length) % 64).toBe(0);
    expect(header.endsWith('\n')).toBe(true);
    expect(header).toMatch(/^\{'descr': '<f4', 'fortran_order': False, 'shape': \(2, 3\), \} *\n$/);
    expect(bytes.length).toBe(10 + header.length + 6 * 4);
    const view = new DataView(bytes.buffer, bytes.byteOffset + 10 + header.length);
    expect(view.getFloat32(0, true)).toBe(0);
    expect(view.getFloat32(4, true)).toBe(0.5);
    expect(view.getFloat32(12, true)).toBe(-1.25);
  });

  it('writes a 1-D shape as a one-element tuple and a 0-D shape as ()', () => {
    expect(headerOf(encodeNpy({ shape: [4], data: new Float32Array(4) }))).toContain("'shape': (4,)");
    expect(headerOf(encodeNpy({ shape: [], data: Float32Array.from([7.5]) }))).toContain("'shape': ()");
  });

  it('round-trips through decodeNpy, including NaN, ±Infinity and −0', () => {
    const data = Float32Array.from([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 1e-40, 3.4e38, -7.25, 0.1]);
    for (const shape of [[8], [2, 4], [2, 2, 2], [1, 8, 1]]) {
      const decoded = decodeNpy(encodeNpy({ shape, data }));
      expect(decoded.shape).toEqual(shape);
      expect(Array.from(decoded.data)).toEqual(Array.from(data));
      expect(Object.is(decoded.data[3], -0)).toBe(true);
    }
  });

  it('keeps the header aligned for long shapes', () => {
    for (const shape of [[1], [12345, 1], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]]) {
      const bytes = encodeNpy({ shape, data: new Float32Array(shape.reduce((a, b) => a * b, 1)) });
      expect((10 + headerOf(bytes).length) % 64).toBe(0);
      expect(decodeNpy(bytes).shape).toEqual(shape);
    }
  });
});
