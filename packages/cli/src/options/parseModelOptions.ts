import type { ModelChoice } from '../model/ModelChoice.js';
import type { ModelCliOptions } from '../model/ModelCliOptions.js';
import { capThreads } from './capThreads.js';
import { parseInputSize } from './parseInputSize.js';
import { parseInteger } from './parseInteger.js';
import { parseNumberList } from './parseNumberList.js';
import { parseTfjsPlatform } from './parseTfjsPlatform.js';

/**
 * Parses the model options shared by the commands (`--threads`, `--tf-platform`, `--mean`,
 * `--std`, `--input-size`, ...), so that a bad value is refused before anything is loaded. A `--threads` count
 * over the machine's cores is capped at the core count, with a warning.
 *
 * @param options - The raw command-line options.
 * @param warn - Told, in one line, when `--threads` is capped.
 * @returns The parsed choice.
 * @throws {@link PolycamError} `invalid-argument` for a bad thread count, platform or number list.
 */
export function parseModelOptions(options: ModelCliOptions, warn: (line: string) => void): ModelChoice {
  return {
    ...(options.model === undefined ? {} : { model: options.model }),
    ...(options.backend === undefined ? {} : { backend: options.backend }),
    ...(options.output === undefined ? {} : { output: options.output }),
    ...(options.threads === undefined ? {} : { threads: capThreads(parseInteger('--threads', options.threads, 1), warn) }),
    ...(options.tfPlatform === undefined ? {} : { platform: parseTfjsPlatform(options.tfPlatform) }),
    ...(options.layout === undefined ? {} : { layout: options.layout }),
    ...(options.inputSize === undefined ? {} : { inputSize: parseInputSize(options.inputSize) }),
    ...(options.mean === undefined ? {} : { mean: parseNumberList('--mean', options.mean) }),
    ...(options.std === undefined ? {} : { std: parseNumberList('--std', options.std) }),
    plugins: options.plugin ?? [],
  };
}
