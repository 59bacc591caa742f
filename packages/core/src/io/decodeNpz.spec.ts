import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PolycamError } from '../errors/PolycamError.js';
import { decodeNpz } from './decodeNpz.js';
import { encodeNpy } from './encodeNpy.js';

// Archives written by numpy 2.4 while writing this spec:
//   a = (np.arange(6, dtype=np.float32).reshape(2, 3) * 0.5 - 1)
//   d = np.array([[1.5, -2.25], [1e-3, 3e10]], dtype=np.float64)
//   f = np.asfortranarray(np.arange(24, dtype=np.float32).reshape(2, 3, 4))
//   v = np.array([0.1, 0.2, 0.3], dtype=np.float32)
//   PLAIN:      np.savez(buf, **{'a': a, 'd': d, 'f': f, 'cat.png': v})
//   COMPRESSED: np.savez_compressed(buf, **{'a': a, 'd': d, 'f': f, 'cat.png': v})
//   TYPES:      np.savez(buf, i=int64 [-3,0,7], u=uint8 [0,200,255], bo=bool [T,F,T],
//                 be='>f4' [1.25,-8], h=float16 [0.5,-2,65504], i4=int32 [[-2,5]],
//                 sc=float32 scalar 4.5, f2=np.asfortranarray('>f8' [[1,2,3],[4,5,6]]))
const PLAIN =
  'UEsDBC0AAAAAAAAAIQBLSmgB//////////8FABQAYS5ucHkBABAAmAAAAAAAAACYAAAAAAAAAJNOVU1QWQEAdgB7J2Rlc2Ny' +
  'JzogJzxmNCcsICdmb3J0cmFuX29yZGVyJzogRmFsc2UsICdzaGFwZSc6ICgyLCAzKSwgfSAgICAgICAgICAgICAgICAgICAg' +
  'ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAKAACAvwAAAL8AAAAAAAAAPwAAgD8AAMA/UEsDBC0AAAAA' +
  'AAAAIQARpw6s//////////8FABQAZC5ucHkBABAAoAAAAAAAAACgAAAAAAAAAJNOVU1QWQEAdgB7J2Rlc2NyJzogJzxmOCcs' +
  'ICdmb3J0cmFuX29yZGVyJzogRmFsc2UsICdzaGFwZSc6ICgyLCAyKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAg' +
  'ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAKAAAAAAAA+D8AAAAAAAACwPyp8dJNYlA/AAAAsI7wG0JQSwMELQAAAAAA' +
  'AAAhAKNvUyP//////////wUAFABmLm5weQEAEADgAAAAAAAAAOAAAAAAAAAAk05VTVBZAQB2AHsnZGVzY3InOiAnPGY0Jywg' +
  'J2ZvcnRyYW5fb3JkZXInOiBUcnVlLCAnc2hhcGUnOiAoMiwgMywgNCksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAg' +
  'ICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAABAQQAAgEAAAIBBAAAAQQAAoEEAAIA/AABQQQAAoEAAAIhBAAAQ' +
  'QQAAqEEAAABAAABgQQAAwEAAAJBBAAAgQQAAsEEAAEBAAABwQQAA4EAAAJhBAAAwQQAAuEFQSwMELQAAAAAAAAAhAOSdlg3/' +
  '/////////wsAFABjYXQucG5nLm5weQEAEACMAAAAAAAAAIwAAAAAAAAAk05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2Zv' +
  'cnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg' +
  'ICAgICAgICAgICAgICAgICAgICAgICAgIArNzMw9zcxMPpqZmT5QSwECLQMtAAAAAAAAACEAS0poAZgAAACYAAAABQAAAAAA' +
  'AAAAAAAAgAEAAAAAYS5ucHlQSwECLQMtAAAAAAAAACEAEacOrKAAAACgAAAABQAAAAAAAAAAAAAAgAHPAAAAZC5ucHlQSwEC' +
  'LQMtAAAAAAAAACEAo29TI+AAAADgAAAABQAAAAAAAAAAAAAAgAGmAQAAZi5ucHlQSwECLQMtAAAAAAAAACEA5J2WDYwAAACM' +
  'AAAACwAAAAAAAAAAAAAAgAG9AgAAY2F0LnBuZy5ucHlQSwUGAAAAAAQABADSAAAAhgMAAAAA';

const COMPRESSED =
  'UEsDBC0AAAAIAAAAIQBLSmgB//////////8FABQAYS5ucHkBABAAmAAAAAAAAABXAAAAAAAAAJvsF+obEMnIUMZQrZ6SWpxc' +
  'pG6loG6TZqKuo6Cell9UUpSYF59flJIKEndLzClOBYoXZyQWpAL5GkY6CsaaOgq1CmQDLgaGhv0MDAwgDAL2QD4QH7AHAFBL' +
  'AwQtAAAACAAAACEAEacOrP//////////BQAUAGQubnB5AQAQAKAAAAAAAAAAXQAAAAAAAACb7BfqGxDJyFDGUK2eklqcXKRu' +
  'paBuk2ahrqOgnpZfVFKUmBefX5SSChJ3S8wpTgWKF2ckFqQC+RpGOgpGmjoKtQpkAy4GMPhhD6GZDvxZ+fGSb1IAiL+h74O0' +
  'EwBQSwMELQAAAAgAAAAhAKNvUyP//////////wUAFABmLm5weQEAEADgAAAAAAAAAIcAAAAAAAAAm+wX6hsQychQxlCtnpJa' +
  'nFykbqWgbpNmoq6joJ6WX1RSlJgXn1+UkgoSDykqTQUKF2ckFqQCuRpGOgrGOgommjoKtQpkAi4GMHBwZGBocABiIM0AxAtA' +
  'fHsGhgAQGyjeAaQFgHgFSB7ITwDSB4D0BCCtAMQbgNgByC8A0g+A9AwgbQDEOxwBUEsDBC0AAAAIAAAAIQDknZYN////////' +
  '//8LABQAY2F0LnBuZy5ucHkBABAAjAAAAAAAAABRAAAAAAAAAJvsF+obEMnIUMZQrZ6SWpxcpG6loG6TZqKuo6Cell9UUpSY' +
  'F59flJIKEndLzClOBYoXZyQWpAL5GsY6mjoKtQoUAK6zZ87Ynj3jYzdr5kw7AFBLAQItAy0AAAAIAAAAIQBLSmgBVwAAAJgA' +
  'AAAFAAAAAAAAAAAAAACAAQAAAABhLm5weVBLAQItAy0AAAAIAAAAIQARpw6sXQAAAKAAAAAFAAAAAAAAAAAAAACAAY4AAABk' +
  'Lm5weVBLAQItAy0AAAAIAAAAIQCjb1MjhwAAAOAAAAAFAAAAAAAAAAAAAACAASIBAABmLm5weVBLAQItAy0AAAAIAAAAIQDk' +
  'nZYNUQAAAIwAAAALAAAAAAAAAAAAAACAAeABAABjYXQucG5nLm5weVBLBQYAAAAABAAEANIAAABuAgAAAAA=';

const TYPES =
  'UEsDBC0AAAAAAAAAIQCgQrV5//////////8FABQAaS5ucHkBABAAmAAAAAAAAACYAAAAAAAAAJNOVU1QWQEAdgB7J2Rlc2Ny' +
  'JzogJzxpOCcsICdmb3J0cmFuX29yZGVyJzogRmFsc2UsICdzaGFwZSc6ICgzLCksIH0gICAgICAgICAgICAgICAgICAgICAg' +
  'ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAK/f////////8AAAAAAAAAAAcAAAAAAAAAUEsDBC0AAAAA' +
  'AAAAIQDuCFI1//////////8FABQAdS5ucHkBABAAgwAAAAAAAACDAAAAAAAAAJNOVU1QWQEAdgB7J2Rlc2NyJzogJ3x1MScs' +
  'ICdmb3J0cmFuX29yZGVyJzogRmFsc2UsICdzaGFwZSc6ICgzLCksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg' +
  'ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAKAMj/UEsDBC0AAAAAAAAAIQAWk4y7//////////8GABQAYm8ubnB5AQAQ' +
  'AIMAAAAAAAAAgwAAAAAAAACTTlVNUFkBAHYAeydkZXNjcic6ICd8YjEnLCAnZm9ydHJhbl9vcmRlcic6IEZhbHNlLCAnc2hh' +
  'cGUnOiAoMywpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg' +
  'CgEAAVBLAwQtAAAAAAAAACEA23cu////////////BgAUAGJlLm5weQEAEACIAAAAAAAAAIgAAAAAAAAAk05VTVBZAQB2AHsn' +
  'ZGVzY3InOiAnPmY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsKSwgfSAgICAgICAgICAgICAgICAg' +
  'ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAo/oAAAwQAAAFBLAwQtAAAAAAAAACEASO0tTv//' +
  '////////BQAUAGgubnB5AQAQAIYAAAAAAAAAhgAAAAAAAACTTlVNUFkBAHYAeydkZXNjcic6ICc8ZjInLCAnZm9ydHJhbl9v' +
  'cmRlcic6IEZhbHNlLCAnc2hhcGUnOiAoMywpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg' +
  'ICAgICAgICAgICAgICAgICAgCgA4AMD/e1BLAwQtAAAAAAAAACEAD21OJ///////////BgAUAGk0Lm5weQEAEACIAAAAAAAA' +
  'AIgAAAAAAAAAk05VTVBZAQB2AHsnZGVzY3InOiAnPGk0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDEs' +
  'IDIpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAr+////BQAA' +
  'AFBLAwQtAAAAAAAAACEA3CLnJ///////////BgAUAHNjLm5weQEAEACEAAAAAAAAAIQAAAAAAAAAk05VTVBZAQB2AHsnZGVz' +
  'Y3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKCksIH0gICAgICAgICAgICAgICAgICAgICAg' +
  'ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAJBAUEsDBC0AAAAAAAAAIQA6udeR//////////8G' +
  'ABQAZjIubnB5AQAQALAAAAAAAAAAsAAAAAAAAACTTlVNUFkBAHYAeydkZXNjcic6ICc+ZjgnLCAnZm9ydHJhbl9vcmRlcic6' +
  'IFRydWUsICdzaGFwZSc6ICgyLCAzKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg' +
  'ICAgICAgICAgICAgCj/wAAAAAAAAQBAAAAAAAABAAAAAAAAAAEAUAAAAAAAAQAgAAAAAAABAGAAAAAAAAFBLAQItAy0AAAAA' +
  'AAAAIQCgQrV5mAAAAJgAAAAFAAAAAAAAAAAAAACAAQAAAABpLm5weVBLAQItAy0AAAAAAAAAIQDuCFI1gwAAAIMAAAAFAAAA' +
  'AAAAAAAAAACAAc8AAAB1Lm5weVBLAQItAy0AAAAAAAAAIQAWk4y7gwAAAIMAAAAGAAAAAAAAAAAAAACAAYkBAABiby5ucHlQ' +
  'SwECLQMtAAAAAAAAACEA23cu/4gAAACIAAAABgAAAAAAAAAAAAAAgAFEAgAAYmUubnB5UEsBAi0DLQAAAAAAAAAhAEjtLU6G' +
  'AAAAhgAAAAUAAAAAAAAAAAAAAIABBAMAAGgubnB5UEsBAi0DLQAAAAAAAAAhAA9tTieIAAAAiAAAAAYAAAAAAAAAAAAAAIAB' +
  'wQMAAGk0Lm5weVBLAQItAy0AAAAAAAAAIQDcIucnhAAAAIQAAAAGAAAAAAAAAAAAAACAAYEEAABzYy5ucHlQSwECLQMtAAAA' +
  'AAAAACEAOrnXkbAAAACwAAAABgAAAAAAAAAAAAAAgAE9BQAAZjIubnB5UEsFBgAAAAAIAAgAnQEAACUGAAAAAA==';

const bytesOf = (base64: string): Uint8Array => new Uint8Array(Buffer.from(base64, 'base64'));

function expectNpzError(action: () => unknown): PolycamError {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(PolycamError.is(caught, 'invalid-npz')).toBe(true);
  return caught as PolycamError;
}

describe('decodeNpz', () => {
  for (const [label, archive] of [
    ['np.savez', PLAIN],
    ['np.savez_compressed', COMPRESSED],
  ] as const) {
    it(`reads what ${label} writes: float32, float64, a Fortran-ordered array and a dotted key`, () => {
      const arrays = decodeNpz(bytesOf(archive));
      expect([...arrays.keys()]).toEqual(['a', 'd', 'f', 'cat.png']);
      expect(arrays.get('a')!.shape).toEqual([2, 3]);
      expect(Array.from(arrays.get('a')!.data)).toEqual([-1, -0.5, 0, 0.5, 1, 1.5]);
      expect(arrays.get('d')!.shape).toEqual([2, 2]);
      expect(Array.from(arrays.get('d')!.data)).toEqual([1.5, -2.25, Math.fround(1e-3), Math.fround(3e10)]);
      // Fortran order on disk, C order in memory: the values come back as arange(24).
      expect(arrays.get('f')!.shape).toEqual([2, 3, 4]);
      expect(Array.from(arrays.get('f')!.data)).toEqual(Array.from({ length: 24 }, (_, index) => index));
      expect(arrays.get('cat.png')!.shape).toEqual([3]);
      expect(Array.from(arrays.get('cat.png')!.data)).toEqual([0.1, 0.2, 0.3].map(Math.fround));
      for (const tensor of arrays.values()) {
        expect(tensor.data).toBeInstanceOf(Float32Array);
      }
    });
  }

  it('reads integer, bool, big-endian, float16, 0-D and big-endian Fortran arrays as float32', () => {
    const arrays = decodeNpz(bytesOf(TYPES));
    const read = (key: string): [readonly number[], number[]] => [arrays.get(key)!.shape, Array.from(arrays.get(key)!.data)];
    expect(read('i')).toEqual([[3], [-3, 0, 7]]);
    expect(read('u')).toEqual([[3], [0, 200, 255]]);
    expect(read('bo')).toEqual([[3], [1, 0, 1]]);
    expect(read('be')).toEqual([[2], [1.25, -8]]);
    expect(read('h')).toEqual([[3], [0.5, -2, 65504]]);
    expect(read('i4')).toEqual([[1, 2], [-2, 5]]);
    expect(read('sc')).toEqual([[], [4.5]]);
    expect(read('f2')).toEqual([[2, 3], [1, 2, 3, 4, 5, 6]]);
  });

  it('raises invalid-npz for bytes that are not a zip archive', () => {
    expectNpzError(() => decodeNpz(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])));
    expectNpzError(() => decodeNpz(new TextEncoder().encode('this is not an npz archive at all')));
  });

  it('raises invalid-npz for a truncated archive', () => {
    const archive = bytesOf(PLAIN);
    expectNpzError(() => decodeNpz(archive.subarray(0, archive.length - 30)));
  });

  it('raises invalid-npz, naming the key, for an entry that is not an .npy array', () => {
    const archive = zipSync({ 'good.npy': encodeNpy({ shape: [1], data: Float32Array.from([1]) }), 'bad.npy': new TextEncoder().encode('hello, world') });
    const error = expectNpzError(() => decodeNpz(archive));
    expect(error.message).toContain('bad');
  });

  it('raises invalid-npz for an entry whose data is truncated', () => {
    const npy = encodeNpy({ shape: [2, 2], data: Float32Array.from([1, 2, 3, 4]) });
    expectNpzError(() => decodeNpz(zipSync({ 'x.npy': npy.subarray(0, npy.length - 4) })));
  });
});
