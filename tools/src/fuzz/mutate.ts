/** The ways the fuzzer breaks a real input. */
export const mutationKinds = ['truncate', 'flip', 'huge-length', 'wire-type', 'nest', 'random'] as const;

/** One of {@link mutationKinds}. */
export type MutationKind = (typeof mutationKinds)[number];

function varint(value: bigint): number[] {
  const bytes: number[] = [];
  for (let rest = value; ; rest >>= 7n) {
    if (rest < 0x80n) return [...bytes, Number(rest)];
    bytes.push(Number(rest & 0x7fn) | 0x80);
  }
}

/**
 * Breaks `input` one way, deterministically from `draws` (numbers in [0, 1)).
 *
 * @param input - The real input.
 * @param kind - How to break it.
 * @param draws - Uniform draws that pick positions and values.
 * @returns A new array; `input` is left as it was.
 */
export function mutate(input: Uint8Array, kind: MutationKind, draws: () => number): Uint8Array {
  const at = (): number => Math.floor(draws() * input.length);
  const bytes = new Uint8Array(input);
  switch (kind) {
    case 'truncate':
      return bytes.slice(0, at());
    case 'flip':
      for (let count = 1 + Math.floor(draws() * 8); count > 0; count -= 1) bytes[at()]! ^= 1 + Math.floor(draws() * 255);
      return bytes;
    case 'huge-length': {
      // A length-delimited field of a random number that declares up to 2^62 bytes.
      const position = at();
      const field = [((1 + Math.floor(draws() * 15)) << 3) | 2, ...varint(2n ** BigInt(20 + Math.floor(draws() * 43)))];
      return Uint8Array.from([...bytes.subarray(0, position), ...field, ...bytes.subarray(position)]);
    }
    case 'wire-type':
      for (let count = 1 + Math.floor(draws() * 4); count > 0; count -= 1) {
        const position = at();
        bytes[position] = (bytes[position]! & ~7) | Math.floor(draws() * 8);
      }
      return bytes;
    case 'nest': {
      // Wrapped in up to 10000 length-delimited fields (or start groups), one inside the other:
      // the prefixes are computed from the inside out, then joined once.
      const group = draws() < 0.5;
      const prefixes: number[][] = [];
      let length = bytes.length;
      for (let depth = Math.floor(draws() * 10_000); depth > 0; depth -= 1) {
        const prefix = group ? [(7 << 3) | 3] : [(7 << 3) | 2, ...varint(BigInt(length))];
        prefixes.push(prefix);
        length += prefix.length;
      }
      const nested = new Uint8Array(length);
      let offset = 0;
      for (const prefix of prefixes.reverse()) {
        nested.set(prefix, offset);
        offset += prefix.length;
      }
      nested.set(bytes, offset);
      return nested;
    }
    case 'random':
      return Uint8Array.from({ length: Math.floor(draws() * 512) }, () => Math.floor(draws() * 256));
  }
}
