import { describe, expect, it } from 'vitest';
import { PolycamError } from '../errors/PolycamError.js';
import { decodeNpy } from './decodeNpy.js';
import { encodeNpy } from './encodeNpy.js';

// Files written by numpy 2.4 while writing this spec:
//   NPY_V2:         np.lib.format.write_array(buf, np.float32([[1, 2], [3, 4]]), version=(2, 0))
//   NPY_COMPLEX:    np.save(buf, np.array([1 + 2j], dtype=np.complex64))
//   NPY_UNICODE:    np.save(buf, np.array(['ab']))
//   NPY_FORTRAN_2D: np.save(buf, np.asfortranarray(np.float32([[1, 2, 3], [4, 5, 6]])))
const NPY_V2 =
  'k05VTVBZAgB0AAAAeydkZXNjcic6ICc8ZjQnLCAnZm9ydHJhbl9vcmRlcic6IEZhbHNlLCAnc2hhcGUnOiAoMiwgMiksIH0g' +
  'ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAIA/AAAAQAAAQEAAAIBA';

const NPY_COMPLEX =
  'k05VTVBZAQB2AHsnZGVzY3InOiAnPGM4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDEsKSwgfSAgICAg' +
  'ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAIA/AAAAQA==';

const NPY_UNICODE =
  'k05VTVBZAQB2AHsnZGVzY3InOiAnPFUyJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDEsKSwgfSAgICAg' +
  'ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAphAAAAYgAAAA==';

const NPY_FORTRAN_2D =
  'k05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBUcnVlLCAnc2hhcGUnOiAoMiwgMyksIH0gICAg' +
  'ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAIA/AACAQAAAAEAAAKBA' +
  'AABAQAAAwEA=';

const bytesOf = (base64: string): Uint8Array => new Uint8Array(Buffer.from(base64, 'base64'));

function expectNpzError(action: () => unknown): void {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(PolycamError);
  expect((caught as PolycamError).kind).toBe('invalid-npz');
}

function npyWithHeader(header: string, payload: Uint8Array = new Uint8Array(0)): Uint8Array {
  const bytes = new Uint8Array(10 + header.length + payload.length);
  bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0);
  bytes[8] = header.length & 0xff;
  bytes[9] = header.length >> 8;
  for (let index = 0; index < header.length; index += 1) bytes[10 + index] = header.charCodeAt(index);
  bytes.set(payload, 10 + header.length);
  return bytes;
}

describe('decodeNpy', () => {
  it('reads a format 2.0 file (4-byte header length)', () => {
    const tensor = decodeNpy(bytesOf(NPY_V2));
    expect(tensor.shape).toEqual([2, 2]);
    expect(Array.from(tensor.data)).toEqual([1, 2, 3, 4]);
  });

  it('reorders a Fortran-ordered 2-D array into C order', () => {
    const tensor = decodeNpy(bytesOf(NPY_FORTRAN_2D));
    expect(tensor.shape).toEqual([2, 3]);
    expect(Array.from(tensor.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('reads an array that does not start at offset 0 of its buffer', () => {
    const file = encodeNpy({ shape: [3], data: Float32Array.from([1.5, -2, 8]) });
    const padded = new Uint8Array(file.length + 3);
    padded.set(file, 3);
    expect(Array.from(decodeNpy(padded.subarray(3)).data)).toEqual([1.5, -2, 8]);
  });

  it('raises invalid-npz for unsupported dtypes (complex, unicode)', () => {
    expectNpzError(() => decodeNpy(bytesOf(NPY_COMPLEX)));
    expectNpzError(() => decodeNpy(bytesOf(NPY_UNICODE)));
  });

  it('raises invalid-npz without the magic string', () => {
    expectNpzError(() => decodeNpy(new TextEncoder().encode('NUMPY but not really a file')));
    expectNpzError(() => decodeNpy(new Uint8Array(0)));
    expectNpzError(() => decodeNpy(Uint8Array.from([0x93, 0x4e, 0x55])));
  });

  it('raises invalid-npz for a header without descr or shape', () => {
    expectNpzError(() => decodeNpy(npyWithHeader("{'fortran_order': False, 'shape': (1,), }\n", new Uint8Array(4))));
    expectNpzError(() => decodeNpy(npyWithHeader("{'descr': '<f4', 'fortran_order': False, }\n", new Uint8Array(4))));
  });

  it('raises invalid-npz when the data is shorter than the shape needs', () => {
    const file = encodeNpy({ shape: [2, 3], data: new Float32Array(6) });
    expectNpzError(() => decodeNpy(file.subarray(0, file.length - 1)));
  });
});
