// Helpers shared by the model builders' specs. Specs only; production code must not import it.
import { seededRandom } from '@polycam/core';
import * as ort from 'onnxruntime-node';

/** Runs `count` seeded random images of `size`×`size` through a model and returns its logits. */
export async function logitsOf(bytes: Uint8Array, count: number, size: number): Promise<ort.Tensor> {
  const random = seededRandom(99);
  const images = Float32Array.from({ length: count * 3 * size * size }, () => random() * 4 - 2);
  const session = await ort.InferenceSession.create(bytes);
  try {
    return (await session.run({ input: new ort.Tensor('float32', images, [count, 3, size, size]) }))['logits']!;
  } finally {
    await session.release();
  }
}

/** The population standard deviation of some values. */
export function standardDeviation(values: ArrayLike<number>): number {
  const list = Array.from(values);
  const mean = list.reduce((sum, value) => sum + value, 0) / list.length;
  return Math.sqrt(list.reduce((sum, value) => sum + (value - mean) ** 2, 0) / list.length);
}
