import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Tensor } from '../tensor/Tensor.js';
import { decodeNpz } from './decodeNpz.js';
import { encodeNpz } from './encodeNpz.js';

// That numpy reads these archives was checked once by hand while writing this spec
// (np.load on an encodeNpz output with 2-D, 1-D, 0-D, 3-D and 224×224 arrays); the suite
// itself needs no Python.
describe('encodeNpz', () => {
  const arrays = new Map<string, Tensor>([
    ['ILSVRC2012_val_00000001.JPEG', { shape: [2, 3], data: Float32Array.from([0, 0.25, 0.5, 0.75, 1, Number.NaN]) }],
    ['cat.png', { shape: [4], data: Float32Array.from([1, -2, 3, -4]) }],
    ['scalar', { shape: [], data: Float32Array.from([7.5]) }],
  ]);

  it('round-trips through decodeNpz with keys, order, shapes and values', () => {
    const decoded = decodeNpz(encodeNpz(arrays));
    expect([...decoded.keys()]).toEqual([...arrays.keys()]);
    for (const [key, tensor] of arrays) {
      expect(decoded.get(key)!.shape).toEqual(tensor.shape);
      expect(Array.from(decoded.get(key)!.data)).toEqual(Array.from(tensor.data));
    }
  });

  it('stores each array as <key>.npy, uncompressed like numpy.savez', () => {
    const bytes = encodeNpz(arrays);
    const entries = unzipSync(bytes);
    expect(Object.keys(entries)).toEqual(['ILSVRC2012_val_00000001.JPEG.npy', 'cat.png.npy', 'scalar.npy']);
    // A zip local file header (PK\x03\x04) whose compression method (bytes 8–9) is 0, stored.
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(bytes[8]! | (bytes[9]! << 8)).toBe(0);
    // Stored: the float32 payload appears verbatim in the archive.
    const payload = new Uint8Array(Float32Array.from([1, -2, 3, -4]).buffer);
    const found = bytes.some((_, start) => payload.every((byte, offset) => bytes[start + offset] === byte));
    expect(found).toBe(true);
  });

  it('writes an empty archive for no arrays', () => {
    expect(decodeNpz(encodeNpz(new Map())).size).toBe(0);
  });
});
