import { TOKENS } from '@polycam/core';
import type { CliIo } from '../CliIo.js';
import { composeCliContainer } from '../container/composeCliContainer.js';
import type { ModelCliOptions } from '../model/ModelCliOptions.js';
import { openModel } from '../model/openModel.js';
import { parseModelOptions } from '../options/parseModelOptions.js';
import { createProgressReporter } from '../progress/createProgressReporter.js';
import type { ModelCommand } from './ModelCommand.js';

/**
 * The sequence every command that runs a model shares, written once: parse the model options,
 * compose the container (the bundled modules and the `--plugin` ones), run the command's
 * `prepare` checks, load the model, run the command with a progress bar, and in `finally`
 * stop the bar and dispose the backend. Errors propagate unchanged, so `main` prints them in
 * one line with a non-zero exit.
 *
 * @param options - The raw model options of the command.
 * @param io - Streams and the cancellation signal.
 * @param command - The command's `prepare` and `run` steps.
 * @returns What `run` returns.
 * @throws {@link PolycamError} for bad options, plugins or models, and whatever the command throws.
 */
export async function runWithModel<P, T>(options: ModelCliOptions, io: CliIo, command: ModelCommand<P, T>): Promise<T> {
  const choice = parseModelOptions(options, (line) => io.stderr.write(`polycam: warning: ${line}\n`));
  const container = await composeCliContainer(choice.plugins);
  const explainer = container.get(TOKENS.Explainer);
  const prepared = (await command.prepare?.(explainer)) as P;
  const model = await openModel(container, choice);
  const progress = createProgressReporter(io.stderr);
  try {
    return await command.run({ container, explainer, model, choice, progress }, prepared);
  } finally {
    progress.stop();
    await model.backend.dispose();
  }
}
