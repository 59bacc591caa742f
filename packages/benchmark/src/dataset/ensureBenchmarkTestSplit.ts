import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { generateDataset } from '@polycam/synthetic';
import { benchmarkSplits } from './benchmarkSplits.js';

/**
 * Makes sure a folder holds the synthetic benchmark's held-out test split (the same images as
 * in the full benchmark, drawn from the same seed), generating it when its manifest is absent.
 *
 * @param folder - The folder.
 * @param log - Where to say that it is being generated.
 * @param signal - Cancels the generation, leaving no folder behind.
 * @returns When the split is there.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `aborted` when `signal` fires
 *   during the generation, `invalid-argument` when the folder holds other files but no manifest.
 */
export async function ensureBenchmarkTestSplit(folder: string, log: (line: string) => void, signal?: AbortSignal): Promise<void> {
  try {
    await access(join(folder, 'manifest.json'));
  } catch {
    log(`generating the benchmark's test split into ${folder} ...`);
    const none = { single: 0, pair: 0 };
    await generateDataset({
      folder,
      seed: benchmarkSplits.seed,
      size: benchmarkSplits.size,
      splits: { train: none, validation: none, test: benchmarkSplits.splits.test },
      ...(signal ? { signal } : {}),
    });
  }
}
