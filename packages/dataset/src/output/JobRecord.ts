import type { FileDigest } from './FileDigest.js';
import type { JobMetrics } from './JobMetrics.js';

/**
 * A finished job's record, `<relativePath>.json`: the fields of `polycam explain --out`'s JSON
 * (see {@link explanationRecord}: image, model, method, class, score, layers, passes, time, map
 * size), the job's key and configuration, and the size and hash of each file it wrote. It is
 * written last, so a job is complete exactly when its record exists and every file it names has
 * that size and hash ({@link readCompleteRecord}).
 */
export interface JobRecord {
  /** The job's key. */
  readonly key: string;
  /** The image's path relative to the input root. */
  readonly relativePath: string;
  /** The configuration's id. */
  readonly configId: string;
  /** The float32 map (`.npy`). */
  readonly map: FileDigest;
  /** The overlay, when it was asked for. */
  readonly overlay?: FileDigest;
  /** The map's faithfulness scores, when they were asked for. */
  readonly faithfulness?: JobMetrics;
  /** The explanation's summary fields (image, method, class, score, layers, passes, ...). */
  readonly [field: string]: unknown;
}
