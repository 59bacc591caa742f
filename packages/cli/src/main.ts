import { readFileSync } from 'node:fs';
import { PolycamError } from '@polycam/core';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { CliIo } from './CliIo.js';
import type { ExplainCommandOptions } from './commands/ExplainCommandOptions.js';
import { runExplainCommand } from './commands/runExplainCommand.js';
import { runLayersCommand, type LayersCommandOptions } from './commands/runLayersCommand.js';

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

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
 * Builds the `polycam` command-line program.
 *
 * @internal
 * @param io - Streams and the cancellation signal.
 * @returns The commander program.
 */
export function buildProgram(io: CliIo): Command {
  const program = new Command('polycam')
    .description('High-resolution, gradient-free saliency maps (Poly-CAM) for CNNs in ONNX format.')
    .version(version())
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(`polycam: ${text.trim().replace(/\s*\n\s*/g, ' ')}\n`),
    });

  program
    .command('explain')
    .description('explain why the model predicts a class, as a saliency map per image')
    .argument('<images...>', 'PNG or JPEG images')
    .requiredOption('--model <file>', 'the ONNX model')
    .option('--method <name>', 'pcam+, pcam- or pcam± (aliases pcamp, pcamm, pcampm)', 'pcam±')
    .option('--class <n>', 'the class to explain (default: the predicted class)')
    .option('--layers <names>', "'auto' or comma-separated layer names (see 'polycam layers')", 'auto')
    .option('--mean <r,g,b>', 'per-channel mean after scaling to [0,1] (default: ImageNet)')
    .option('--std <r,g,b>', 'per-channel standard deviation (default: ImageNet)')
    .option('--batch-size <n>', 'masked images per forward run', '32')
    .option('--threads <n>', 'intra-op threads for onnxruntime (default: one per core)')
    .option('--npz <file>', 'write the final maps (float32 H×W, keyed by image file name)')
    .option('--out <dir>', 'write a jet overlay PNG and a JSON summary per image')
    .addOption(new Option('--fusion <id>', 'override the fusion (ablations)').choices(['lnorm', 'no-lnorm', 'single-layer']))
    .option('--score <fn>', 'how the output becomes a score: softmax, sigmoid or identity', 'softmax')
    .addOption(layoutOption())
    .action((images: string[], options: ExplainCommandOptions) => runExplainCommand(images, options, io));

  program
    .command('layers')
    .description("list the model's layers with their shapes, marking those --layers auto picks")
    .requiredOption('--model <file>', 'the ONNX model')
    .option('--threads <n>', 'intra-op threads for onnxruntime')
    .addOption(layoutOption())
    .action((options: LayersCommandOptions) => runLayersCommand(options, io));

  return program;
}

/**
 * Runs the `polycam` command line and returns its exit status: 0 on success, 1 when the
 * command fails (one line on standard error names the problem), 2 for a usage error.
 *
 * @param argv - The arguments after the program name.
 * @param io - Streams and a cancellation signal; the process's by default, with Ctrl-C wired
 *   to cancellation.
 * @returns The exit status.
 */
export async function main(argv: readonly string[], io?: CliIo): Promise<number> {
  const controller = new AbortController();
  const onInterrupt = (): void => controller.abort();
  const streams: CliIo = io ?? { stdout: process.stdout, stderr: process.stderr, signal: controller.signal };
  if (io === undefined) process.once('SIGINT', onInterrupt);
  try {
    await buildProgram(streams).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const prefix = PolycamError.is(error) ? (error.kind === 'aborted' ? 'cancelled' : 'error') : 'internal error';
    streams.stderr.write(`polycam: ${prefix}: ${message}\n`);
    return 1;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}
