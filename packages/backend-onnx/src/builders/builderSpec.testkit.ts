// Helpers shared by the model builders' specs. Specs only; production code must not import it.
import { seededRandom } from '@polycam/core';
import * as ort from 'onnxruntime-node';
import { expect } from 'vitest';

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

/**
 * Checks that a built model loads in onnxruntime with a symbolic batch and the given shapes, and
 * that its logits have a useful spread (standard deviation in (0.5, 5)) and depend on the image.
 */
export async function expectUsefulClassifier(bytes: Uint8Array, size: number, classes: number): Promise<void> {
  const session = await ort.InferenceSession.create(bytes);
  expect(session.inputMetadata).toEqual([expect.objectContaining({ name: 'input', type: 'float32', shape: ['batch', 3, size, size] })]);
  expect(session.outputMetadata).toEqual([expect.objectContaining({ name: 'logits', type: 'float32', shape: ['batch', classes] })]);
  await session.release();
  const logits = await logitsOf(bytes, 3, size);
  expect(logits.dims).toEqual([3, classes]);
  const spread = standardDeviation(logits.data as Float32Array);
  expect(spread).toBeGreaterThan(0.5);
  expect(spread).toBeLessThan(5);
  const [first, second] = [0, 1].map((row) => (logits.data as Float32Array).subarray(row * classes, (row + 1) * classes));
  expect(first).not.toEqual(second); // the logits depend on the image
}
