import type { ModelChoice } from '../model/ModelChoice.js';
import type { ModelCliOptions } from '../model/ModelCliOptions.js';
import { parseInteger } from './parseInteger.js';
import { parseNumberList } from './parseNumberList.js';
import { parseTfjsPlatform } from './parseTfjsPlatform.js';

/**
 * Parses the model options shared by the commands (`--threads`, `--tf-platform`, `--mean`,
 * `--std`, ...), so that a bad value is refused before anything is loaded.
 *
 * @param options - The raw command-line options.
 * @returns The parsed choice.
 * @throws {@link PolycamError} `invalid-argument` for a bad thread count, platform or number list.
 */
export function parseModelOptions(options: ModelCliOptions): ModelChoice {
  return {
    ...(options.model === undefined ? {} : { model: options.model }),
    ...(options.backend === undefined ? {} : { backend: options.backend }),
    ...(options.threads === undefined ? {} : { threads: parseInteger('--threads', options.threads, 1) }),
    ...(options.tfPlatform === undefined ? {} : { platform: parseTfjsPlatform(options.tfPlatform) }),
    ...(options.layout === undefined ? {} : { layout: options.layout }),
    ...(options.mean === undefined ? {} : { mean: parseNumberList('--mean', options.mean) }),
    ...(options.std === undefined ? {} : { std: parseNumberList('--std', options.std) }),
    plugins: options.plugin ?? [],
  };
}
