import type { InputLayout } from '@polycam/core';

/** The raw options of `polycam evaluate`. */
export interface EvaluateCommandOptions {
  /** `--model FILE`; the bundled demo model when omitted. */
  readonly model?: string;
  /** `--saliency-npz FILE`: the maps, keyed by image file name. */
  readonly saliencyNpz: string;
  /** `--metrics insertion,deletion,drop-increase`. */
  readonly metrics: string;
  /** `--steps N`. */
  readonly steps: string;
  /** `--baseline blur|zero`. */
  readonly baseline: string;
  /** `--class N`. */
  readonly class?: string;
  /** `--mean r,g,b`. */
  readonly mean?: string;
  /** `--std r,g,b`. */
  readonly std?: string;
  /** `--batch-size N`. */
  readonly batchSize: string;
  /** `--threads N`. */
  readonly threads?: string;
  /** `--model-name NAME` in the CSV file names; the model file's stem by default. */
  readonly modelName?: string;
  /** `--saliency-name NAME` in the CSV file names; the npz file's stem by default. */
  readonly saliencyName?: string;
  /** `--csv-dir DIR`, where the CSV files go. */
  readonly csvDir: string;
  /** `--layout NCHW|NHWC`. */
  readonly layout?: InputLayout;
}
