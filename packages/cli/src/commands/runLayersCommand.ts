import { isSpatialLayer, resolveLayers } from '@polycam/core';
import type { CliIo } from '../CliIo.js';
import { fewAutoLayersWarning } from './fewAutoLayersWarning.js';
import type { LayersCommandOptions } from './LayersCommandOptions.js';
import { formatTable } from '../output/formatTable.js';
import { runWithModel } from './runWithModel.js';

/**
 * `polycam layers`: names the model's input and explained output (`--output`'s, or the first)
 * with their shapes, lists every layer of a model in forward order with its operator and shape,
 * and marks with `*` the layers that `--layers auto` picks; warns on stderr when auto picks
 * fewer than three layers on a model with more resolutions than it picked.
 *
 * @param options - The raw command-line options.
 * @param io - Where to write the table.
 * @returns When the table is written.
 * @throws {@link PolycamError} for a missing or corrupt model, or a bad `--plugin`.
 */
export async function runLayersCommand(options: LayersCommandOptions, io: CliIo): Promise<void> {
  await runWithModel(options, io, {
    run: async ({ model: { backend, path: model, runtime } }) => {
      const { input, output, layers } = backend.description;
      const picked = layers.some(isSpatialLayer) ? resolveLayers(backend.description, 'auto') : [];
      const auto = new Set(picked);
      const warning = picked.length > 0 ? fewAutoLayersWarning(backend.description, picked) : undefined;
      if (warning !== undefined) io.stderr.write(warning);
      const explained = output.shape.length <= 1 ? `with ${output.size} values` : `${output.shape.join('×')} (${output.size} values)`;
      const batch = input.fixedBatchSize === undefined ? 'dynamic batch' : `fixed batch ${input.fixedBatchSize}`;
      io.stdout.write(
        `model ${model} (${runtime}): input '${input.name}' ${input.shape.join('×')} (${input.layout}, ${batch}), ` +
          `output '${output.name}' ${explained}\n\n`,
      );
      const rows = layers.map((layer, index) => [
        String(index),
        auto.has(layer.name) ? '*' : '',
        layer.name,
        layer.op ?? '',
        layer.shape.join('×'),
      ]);
      io.stdout.write(formatTable(['#', 'auto', 'layer', 'op', 'shape'], rows));
      io.stdout.write(`\n* = picked by --layers auto (${auto.size} layer${auto.size === 1 ? '' : 's'})\n`);
    },
  });
}
