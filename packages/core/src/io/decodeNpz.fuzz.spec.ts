import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PolycamError } from '../errors/PolycamError.js';
import { decodeNpy } from './decodeNpy.js';
import { decodeNpz } from './decodeNpz.js';
import { encodeNpy } from './encodeNpy.js';
import { encodeNpz } from './encodeNpz.js';

const settings = { seed: 12, numRuns: 200 };
const tensor = { shape: [2, 3], data: Float32Array.from([1, 2, 3, 4, 5, 6]) };
const npy = encodeNpy(tensor);
const npz = encodeNpz(new Map([['map', tensor], ['other', { shape: [4], data: new Float32Array(4) }]]));

/** Runs `parse`: it returns, or throws PolycamError invalid-npz; anything else fails the property. */
function decodesOrThrowsInvalidNpz(parse: () => unknown): void {
  try {
    parse();
  } catch (error) {
    if (!PolycamError.is(error, 'invalid-npz')) throw new Error(`threw ${String(error)}`, { cause: error });
  }
}

function errorOf(parse: () => unknown): unknown {
  try {
    parse();
  } catch (error) {
    return error;
  }
  return undefined;
}

const mutated = (original: Uint8Array) =>
  fc.tuple(fc.nat(original.length), fc.array(fc.tuple(fc.nat(original.length - 1), fc.integer({ min: 1, max: 255 })), { maxLength: 4 })).map(([cut, flips]) => {
    const bytes = new Uint8Array(original.subarray(0, cut));
    for (const [at, xor] of flips) if (at < bytes.length) bytes[at]! ^= xor;
    return bytes;
  });

function npyWithHeader(header: string, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const text = new TextEncoder().encode(header);
  return Uint8Array.from([0x93, ...new TextEncoder().encode('NUMPY'), 1, 0, text.length & 0xff, text.length >> 8, ...text, ...data]);
}

describe('decodeNpy and decodeNpz under fuzzing', () => {
  it('return or throw invalid-npz for any bytes, and for any bytes after the magic', () => {
    const magic = Uint8Array.from([0x93, ...new TextEncoder().encode('NUMPY')]);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (bytes, withMagic) => {
        const input = withMagic ? Uint8Array.from([...magic, ...bytes]) : bytes;
        decodesOrThrowsInvalidNpz(() => decodeNpy(input));
        decodesOrThrowsInvalidNpz(() => decodeNpz(input));
      }),
      settings,
    );
  });

  it('return or throw invalid-npz for a real .npy and .npz truncated and with bytes flipped', () => {
    fc.assert(fc.property(mutated(npy), (bytes) => decodesOrThrowsInvalidNpz(() => decodeNpy(bytes))), settings);
    fc.assert(fc.property(mutated(npz), (bytes) => decodesOrThrowsInvalidNpz(() => decodeNpz(bytes))), settings);
  });

  it('refuse a version 2 header cut before its 4-byte length, and versions it does not know', () => {
    const v2 = Uint8Array.from([0x93, ...new TextEncoder().encode('NUMPY'), 2, 0, 10, 0]);
    expect(errorOf(() => decodeNpy(v2))).toMatchObject({ kind: 'invalid-npz', message: 'array: the .npy header is truncated' });
    const v9 = Uint8Array.from([...v2.subarray(0, 6), 9, ...v2.subarray(7)]);
    expect(errorOf(() => decodeNpy(v9))).toMatchObject({ kind: 'invalid-npz', message: 'array: unsupported .npy format version 9' });
  });

  it('refuse a header that declares more bytes than follow', () => {
    const lying = Uint8Array.from([...npy.subarray(0, 8), 0xff, 0xff, ...npy.subarray(10, 40)]);
    expect(errorOf(() => decodeNpy(lying))).toMatchObject({ kind: 'invalid-npz', message: 'array: the .npy header declares 65535 bytes, but only 30 follow' });
  });

  it('refuse shapes that are not tuples of non-negative integers, before allocating', () => {
    for (const shape of ['-1,', 'abc,', '1.5,', '1e3,', '2, -4']) {
      const bytes = npyWithHeader(`{'descr': '<f4', 'fortran_order': False, 'shape': (${shape}), }`);
      expect(errorOf(() => decodeNpy(bytes))).toMatchObject({ kind: 'invalid-npz', message: `array: the shape (${shape}) is not a tuple of non-negative integers` });
    }
  });

  it('refuse, as invalid-npz and without allocating it, a tiny .npy that declares 2^40 values', () => {
    const bytes = npyWithHeader(`{'descr': '<f4', 'fortran_order': False, 'shape': (1099511627776,), }`);
    expect(errorOf(() => decodeNpy(bytes))).toMatchObject({ kind: 'invalid-npz', message: 'array: the data is truncated (1099511627776 values of 4 bytes expected)' });
  });

  it('refuse, as invalid-npz and without allocating it, an archive entry that declares 2^32 - 1 inflated bytes', () => {
    const bytes = new Uint8Array(encodeNpz(new Map([['map', tensor]])));
    const view = new DataView(bytes.buffer);
    // The central directory record (signature 0x02014b50): its method at +10, its uncompressed size at +24.
    let central = bytes.length - 22;
    while (view.getUint32(central, true) !== 0x02014b50) central -= 1;
    view.setUint16(central + 10, 8, true); // deflate, so that the declared size is what would be allocated
    view.setUint32(central + 24, 0xffffffff, true);
    expect(errorOf(() => decodeNpz(bytes))).toMatchObject({ kind: 'invalid-npz', message: expect.stringMatching(/declares 4294967295 bytes, more than \d+ compressed bytes can hold/) });
  });

  it('refuse a 98-byte zip64 archive that lists 2^32 - 1 entries, instead of walking them', () => {
    const bytes = new Uint8Array(56 + 20 + 22);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, 0x06064b50, true); // zip64 end of central directory, at offset 0
    view.setUint32(32, 0xffffffff, true); // entries
    view.setUint32(56, 0x07064b50, true); // zip64 locator, pointing at offset 0
    view.setUint32(76, 0x06054b50, true); // end of central directory
    view.setUint16(76 + 8, 1, true);
    expect(errorOf(() => decodeNpz(bytes))).toMatchObject({ kind: 'invalid-npz', message: 'not a valid npz archive (it lists more entries than it can hold)' });
  });
});
