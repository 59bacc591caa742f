import type { ModelCliOptions } from '../model/ModelCliOptions.js';
import type { TargetCliOptions } from '../target/TargetCliOptions.js';

/** The raw options of `polycam evaluate`. */
export interface EvaluateCommandOptions extends ModelCliOptions, TargetCliOptions {
  /** `--saliency-npz FILE`: the maps, keyed by image file name. */
  readonly saliencyNpz: string;
  /** `--metrics insertion,deletion,drop-increase,road`. */
  readonly metrics: string;
  /** `--road-percentiles P,P,...`: ROAD's percentiles. */
  readonly roadPercentiles: string;
  /** `--steps N`. */
  readonly steps: string;
  /** `--baseline blur|zero`. */
  readonly baseline: string;
  /** `--batch-size N`. */
  readonly batchSize: string;
  /** `--model-name NAME` in the CSV file names; the model file's stem by default. */
  readonly modelName?: string;
  /** `--saliency-name NAME` in the CSV file names; the npz file's stem by default. */
  readonly saliencyName?: string;
  /** `--csv-dir DIR`, where the CSV files go. */
  readonly csvDir: string;
}
