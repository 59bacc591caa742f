import { type Command, InvalidArgumentError, Option } from 'commander';
import { pluginOption } from './pluginOption.js';
import { runtimeOptions } from './runtimeOptions.js';

function layoutOption(): Option {
  return new Option('--layout <layout>', "the model input's layout, NCHW or NHWC, when detection from its shape is wrong")
    .argParser((value: string) => {
      const layout = value.toUpperCase();
      if (layout !== 'NCHW' && layout !== 'NHWC') {
        throw new InvalidArgumentError('expected NCHW or NHWC.');
      }
      return layout;
    });
}

/**
 * Declares the options that choose, load and feed a model on a command: `--model`,
 * `--backend`, `--output`, `--tf-platform`, `--threads`, `--input-size`, `--layout` and
 * `--plugin`, and with `normalisation` also `--mean` and `--std`. Their values arrive as a {@link ModelCliOptions}.
 *
 * @param command - The command to extend.
 * @param groups - `normalisation: true` for a command that normalises images itself.
 * @returns The same command.
 */
export function addModelOptions(command: Command, groups: { readonly normalisation?: boolean } = {}): Command {
  command
    .option('--model <file>', 'an ONNX model or a TF.js model.json (default: the bundled demo model)')
    .option('--backend <id>', "the runtime: onnx, tfjs or a plugin's (default: from the model file, model.json → tfjs)")
    .option('--output <name>', "the model output to explain: a graph output or an intermediate tensor ('polycam layers' lists them), such as a global pool for embedding targets; default: the first output");
  for (const option of runtimeOptions()) command.addOption(option);
  if (groups.normalisation === true) {
    command
      .option('--mean <r,g,b>', 'per-channel mean after scaling to [0,1] (default: ImageNet)')
      .option('--std <r,g,b>', 'per-channel standard deviation (default: ImageNet)');
  }
  command.option(
    '--input-size <h,w>',
    'the height and width to run an ONNX model at when its input declares them dynamic, as segmentation exports often do (default: 224,224; a fixed size wins)',
  );
  return command.addOption(layoutOption()).addOption(pluginOption());
}
