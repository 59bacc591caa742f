import { seededRandom } from './seededRandom.js';

/** A 32-bit FNV-1a hash of a string's UTF-16 code units. */
function hash(text: string): number {
  let state = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    state = Math.imul(state ^ text.charCodeAt(index), 0x01000193) >>> 0;
  }
  return state;
}

/**
 * New random values for one weight tensor, for the model-randomisation sanity check: drawn from
 * a Gaussian with the tensor's own mean and (population) standard deviation, by the Box–Muller
 * transform. The values depend only on the seed and the tensor's name, so with one seed a tensor
 * gets the same values whatever else is redrawn with it, and every backend redraws a tensor of
 * the same name and values alike.
 *
 * @param values - The tensor's current values (left untouched).
 * @param name - The tensor's name, mixed into the seed.
 * @param seed - The randomisation's seed.
 * @returns The redrawn values, as many as `values`.
 */
export function redrawWeights(values: Float32Array, name: string, seed: number): Float32Array {
  const random = seededRandom(hash(`${seed}\u0000${name}`));
  let sum = 0;
  for (const value of values) sum += value;
  const mean = sum / values.length;
  let squares = 0;
  for (const value of values) squares += (value - mean) ** 2;
  const std = Math.sqrt(squares / values.length);
  const drawn = new Float32Array(values.length);
  for (let index = 0; index < drawn.length; index += 2) {
    const radius = Math.sqrt(-2 * Math.log(1 - random())); // 1 − u lies in (0, 1]
    const angle = 2 * Math.PI * random();
    drawn[index] = mean + std * radius * Math.cos(angle);
    if (index + 1 < drawn.length) drawn[index + 1] = mean + std * radius * Math.sin(angle);
  }
  return drawn;
}
