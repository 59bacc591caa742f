import { createHash } from 'node:crypto';
import { canonicalJson } from './canonicalJson.js';
import type { JobConfig } from './JobConfig.js';
import { methodFilePart } from './methodFilePart.js';

/**
 * The identity of a run's configuration: the method as a file-name part and the first 12 hex
 * digits of the SHA-256 of the method, the options (keys sorted) and the model's content hash,
 * such as `pcampm-3f9a2c1b7d4e`. The model's path is not part of it. Results of a configuration
 * live in a folder of this name, so two methods or two option sets never share a file.
 *
 * @param config - The configuration.
 * @returns Its id.
 */
export function configId(config: JobConfig): string {
  const digest = createHash('sha256')
    .update(canonicalJson({ method: config.method, options: config.options, modelHash: config.modelHash }))
    .digest('hex');
  return `${methodFilePart(config.method)}-${digest.slice(0, 12)}`;
}
