import { TOKENS } from '@polycam/core';
import type { CliIo } from '../CliIo.js';
import { composeCliContainer } from '../container/composeCliContainer.js';
import { formatTable } from '../output/formatTable.js';
import type { TargetsCommandOptions } from './TargetsCommandOptions.js';

/**
 * `polycam targets`: lists every target kind that `--target KIND:ARGUMENT` and a `--classes`
 * CSV's target column accept (the built-in ones and those of any `--plugin`), with the
 * argument's syntax and the score it explains.
 *
 * @param options - The plugins to load.
 * @param io - Streams.
 * @returns When the table is printed.
 * @throws {@link PolycamError} when a plugin cannot be loaded.
 */
export async function runTargetsCommand(options: TargetsCommandOptions, io: CliIo): Promise<void> {
  const container = await composeCliContainer(options.plugin);
  const rows = container
    .get(TOKENS.Explainer)
    .targets()
    .map((target) => [target.id, target.syntax === '' ? target.id : `${target.id}:${target.syntax}`, target.description]);
  io.stdout.write(formatTable(['kind', '--target', 'score'], rows));
}
