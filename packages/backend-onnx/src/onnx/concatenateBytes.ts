/**
 * Joins byte arrays end to end.
 *
 * @internal
 * @param parts - The arrays, in order.
 * @returns A new array holding all of them.
 */
export function concatenateBytes(parts: readonly Uint8Array[]): Uint8Array {
  const output = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    output.set(part, offset);
    offset += part.length;
  }
  return output;
}
