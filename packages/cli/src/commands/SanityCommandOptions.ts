import type { ModelCliOptions } from '../model/ModelCliOptions.js';

/** The raw options of `polycam sanity`. */
export interface SanityCommandOptions extends ModelCliOptions {
  /** `--data DIR`: the benchmark's test split (generated there if absent). */
  readonly data: string;
  /** `--images N`: how many one-object test images. */
  readonly images: string;
  /** `--samples N`: perturbations for sensitivity-max. */
  readonly samples: string;
}
