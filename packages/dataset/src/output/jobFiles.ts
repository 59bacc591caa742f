import { join } from 'node:path';
import type { DatasetJob } from '../job/DatasetJob.js';

/**
 * Where a job's files go: `<out>/<configId>/<relativePath>` followed by `.npy` (the float32
 * map), `.json` (the record, written last) and `.overlay.png` (the overlay, when asked). Keeping
 * the image's extension in the name means that `cat.png` and `cat.jpg` never collide, and one
 * folder per configuration means that two methods never do.
 *
 * @param out - The output folder.
 * @param job - The job.
 * @returns The three paths.
 */
export function jobFiles(out: string, job: DatasetJob): {
  /** The float32 map, `.npy`. */
  map: string;
  /** The record, `.json`. */
  record: string;
  /** The overlay, `.overlay.png`. */
  overlay: string;
} {
  const base = join(out, job.configId, ...job.relativePath.split('/'));
  return { map: `${base}.npy`, record: `${base}.json`, overlay: `${base}.overlay.png` };
}
