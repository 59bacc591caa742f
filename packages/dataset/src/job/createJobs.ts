import { createHash } from 'node:crypto';
import type { DatasetImage } from '../input/DatasetImage.js';
import { canonicalJson } from './canonicalJson.js';
import { configId } from './configId.js';
import type { DatasetJobData } from './DatasetJobData.js';
import type { JobConfig } from './JobConfig.js';
import type { ImageTarget } from './ImageTarget.js';
import type { JobOutputs } from './JobOutputs.js';

/** The first 12 hex digits of the SHA-256 of a target's canonical JSON. */
function targetId(target: ImageTarget): string {
  return createHash('sha256').update(canonicalJson(target)).digest('hex').slice(0, 12);
}

/**
 * The jobs of a run: one per image, all with the same configuration and outputs, and each with
 * its image's own target when `targets` gives one. A target adds the first 12 hex digits of
 * its hash to the job's key (`<relativePath>#<configId>#<targetId>`), so that a re-run with
 * another class for an image redoes that image (its old record no longer carries the key)
 * while its results stay at the same place.
 *
 * @param images - The listed images.
 * @param config - The configuration.
 * @param out - The output folder (absolute).
 * @param outputs - What to write besides the maps and records.
 * @param targets - Each image's own target, in the images' order; none when absent.
 * @returns One job per image, in the images' order.
 */
export function createJobs(
  images: readonly DatasetImage[],
  config: JobConfig,
  out: string,
  outputs: JobOutputs,
  targets?: readonly (ImageTarget | undefined)[],
): DatasetJobData[] {
  const id = configId(config);
  return images.map(({ relativePath, path }, index) => {
    const target = targets?.[index];
    const key = target === undefined ? `${relativePath}#${id}` : `${relativePath}#${id}#${targetId(target)}`;
    return {
      job: { key, relativePath, image: path, configId: id, ...(target === undefined ? {} : { target }) },
      config,
      out,
      outputs,
    };
  });
}
