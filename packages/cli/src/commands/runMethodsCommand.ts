import { TOKENS } from '@polycam/core';
import type { CliIo } from '../CliIo.js';
import { composeCliContainer } from '../container/composeCliContainer.js';
import { formatTable } from '../output/formatTable.js';
import type { MethodsCommandOptions } from './MethodsCommandOptions.js';

/**
 * `polycam methods`: lists every method that `--method` accepts (the bundled presets and
 * attribution methods, and those of any `--plugin`), with its aliases, its kind, what it
 * requires of a backend (such as `gradients`) and what it computes.
 *
 * @param options - The plugins to load.
 * @param io - Streams.
 * @returns When the table is printed.
 * @throws {@link PolycamError} when a plugin cannot be loaded.
 */
export async function runMethodsCommand(options: MethodsCommandOptions, io: CliIo): Promise<void> {
  const container = await composeCliContainer(options.plugin);
  const rows = container
    .get(TOKENS.Explainer)
    .methods()
    .map((method) => [method.id, method.aliases.join(', ') || '-', method.kind, method.requires.join(', ') || '-', method.description]);
  io.stdout.write(formatTable(['method', 'aliases', 'kind', 'requires', 'description'], rows));
}
