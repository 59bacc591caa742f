import { type Command, Option } from 'commander';
import { pluginOption } from './pluginOption.js';
import { runtimeOptions } from './runtimeOptions.js';

/**
 * Declares the options of a command that runs the bundled demo model: `--backend` (which copy
 * of it: `onnx` by default, `tfjs`, or a plugin's backend on the ONNX copy), `--tf-platform`,
 * `--threads` and `--plugin`. Their values arrive as a {@link ModelCliOptions} without `model`.
 *
 * @param command - The command to extend.
 * @returns The same command.
 */
export function addBundledModelOptions(command: Command): Command {
  command.addOption(
    new Option('--backend <id>', "which copy of the bundled model to run: onnx, or tfjs (which the gradient methods need), or a plugin's backend").default('onnx'),
  );
  for (const option of runtimeOptions()) command.addOption(option);
  return command.addOption(pluginOption());
}
