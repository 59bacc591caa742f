import { argmax, classTarget, seededRandom, type AttributionContext, type ModelBackend, type Tensor } from '@polycam/core';

/**
 * An attribution context on a random toy image, with a ledger that counts.
 *
 * @param backend - The toy backend.
 * @param seed - Seeds the image.
 * @param batchSize - The batch size.
 * @returns The context and the ledger's counts.
 */
export async function attributionContext(
  backend: ModelBackend,
  seed: number,
  batchSize = 8,
): Promise<{ context: AttributionContext; counts: { run: number; saved: number } }> {
  const random = seededRandom(seed);
  const input: Tensor = { shape: [1, 3, 16, 16], data: Float32Array.from({ length: 768 }, () => random() * 4 - 2) };
  const output = (await backend.run({ input })).output.data;
  const target = classTarget(argmax(output), 'softmax', 5);
  const counts = { run: 0, saved: 0 };
  const context: AttributionContext = {
    backend,
    input,
    target,
    baseScore: target.score(output),
    batchSize,
    signal: new AbortController().signal,
    ledger: { run: (count) => (counts.run += count), saved: (count) => (counts.saved += count) },
  };
  return { context, counts };
}
