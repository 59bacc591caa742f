import type { DatasetOptions } from '@polycam/synthetic';

/**
 * The benchmark the demo model is trained and evaluated on: its seed, image size and split
 * sizes. The localisation figures use its test split.
 */
export const benchmarkSplits: Required<Pick<DatasetOptions, 'seed' | 'size' | 'splits'>> = {
  seed: 2024,
  size: 128,
  splits: {
    train: { single: 8000, pair: 0 },
    validation: { single: 800, pair: 100 },
    test: { single: 400, pair: 200 },
  },
};
