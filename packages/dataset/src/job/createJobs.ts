import type { DatasetImage } from '../input/DatasetImage.js';
import { configId } from './configId.js';
import type { DatasetJobData } from './DatasetJobData.js';
import type { JobConfig } from './JobConfig.js';
import type { JobOutputs } from './JobOutputs.js';

/**
 * The jobs of a run: one per image, all with the same configuration and outputs.
 *
 * @param images - The listed images.
 * @param config - The configuration.
 * @param out - The output folder (absolute).
 * @param outputs - What to write besides the maps and records.
 * @returns One job per image, in the images' order.
 */
export function createJobs(images: readonly DatasetImage[], config: JobConfig, out: string, outputs: JobOutputs): DatasetJobData[] {
  const id = configId(config);
  return images.map(({ relativePath, path }) => ({
    job: { key: `${relativePath}#${id}`, relativePath, image: path, configId: id },
    config,
    out,
    outputs,
  }));
}
