import type { Container } from 'inversify';
import { parseModelOptions } from '../options/parseModelOptions.js';
import type { ModelCliOptions } from './ModelCliOptions.js';
import type { OpenedModel } from './OpenedModel.js';
import { openModel } from './openModel.js';

/**
 * Loads the model that raw command-line options name: {@link parseModelOptions}, then
 * {@link openModel}. Commands go through `runWithModel`, which does both.
 *
 * @param container - The CLI's container, with the backend modules loaded.
 * @param options - The raw command-line options.
 * @returns The loaded model; dispose its backend when done.
 * @throws {@link PolycamError} `invalid-argument` for a bad `--threads` or `--tf-platform`, and
 *   whatever loading the model throws.
 */
export async function openCliModel(container: Container, options: ModelCliOptions): Promise<OpenedModel> {
  return openModel(container, parseModelOptions(options));
}
