/** The raw options of `polycam sanity`. */
export interface SanityCommandOptions {
  /** `--data DIR`: the benchmark's test split (generated there if absent). */
  readonly data: string;
  /** `--images N`: how many one-object test images. */
  readonly images: string;
  /** `--samples N`: perturbations for sensitivity-max. */
  readonly samples: string;
  /** `--threads N`. */
  readonly threads?: string;
  /** `--backend onnx|tfjs`: which copy of the bundled model to check (ONNX by default). */
  readonly backend?: string;
}
