import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { CliIo } from './CliIo.js';
import type { BenchmarkCommandOptions } from './commands/BenchmarkCommandOptions.js';
import type { DemoCommandOptions } from './commands/DemoCommandOptions.js';
import type { EvaluateCommandOptions } from './commands/EvaluateCommandOptions.js';
import type { ExplainCommandOptions } from './commands/ExplainCommandOptions.js';
import type { GenerateBenchmarkOptions } from './commands/GenerateBenchmarkOptions.js';
import type { LayersCommandOptions } from './commands/LayersCommandOptions.js';
import type { MethodsCommandOptions } from './commands/MethodsCommandOptions.js';
import type { SanityCommandOptions } from './commands/SanityCommandOptions.js';
import { runBenchmarkCommand } from './commands/runBenchmarkCommand.js';
import { runDemoCommand } from './commands/runDemoCommand.js';
import { runEvaluateCommand } from './commands/runEvaluateCommand.js';
import { runExplainCommand } from './commands/runExplainCommand.js';
import { runGenerateBenchmarkCommand } from './commands/runGenerateBenchmarkCommand.js';
import { runLayersCommand } from './commands/runLayersCommand.js';
import { runMethodsCommand } from './commands/runMethodsCommand.js';
import { runSanityCommand } from './commands/runSanityCommand.js';
import { benchmarkSplits } from '@polycam/benchmark';

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

function pluginOption(): Option {
  return new Option('--plugin <module>', "load a plugin: a file or package exporting a container module as 'polycamPlugin' or default (repeatable)")
    .argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value])
    .default([]);
}

function backendOption(): Option {
  return new Option('--backend <id>', 'the runtime: onnx or tfjs (default: from the model file, model.json → tfjs)');
}

function benchmarkDataOption(): Option {
  return new Option('--data <dir>', "the benchmark's test split (generated there if absent)").default('data/benchmark-test');
}

function bundledCopyOption(): Option {
  return new Option('--backend <id>', 'which copy of the bundled model to run: onnx, or tfjs (which the gradient methods need)').default('onnx');
}

function tfPlatformOption(): Option {
  return new Option('--tf-platform <name>', 'the TF.js platform: wasm, cpu, node or node-gpu (default: node-gpu or node when installed, else wasm)');
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
    .description('High-resolution, gradient-free saliency maps (Poly-CAM) for CNNs in ONNX or TF.js format.')
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
    .option('--model <file>', 'an ONNX model or a TF.js model.json (default: the bundled demo model)')
    .addOption(backendOption())
    .addOption(tfPlatformOption())
    .option('--method <name>', "pcam±, pcam+, pcam-, or any method 'polycam methods' lists (grad-cam, score-cam, rise, ...)", 'pcam±')
    .option('--class <n>', 'the class to explain (default: the predicted class)')
    .option('--layers <names>', "'auto', 'last' or comma-separated layer names (see 'polycam layers'); default: the method's own (auto, or last for single-layer methods)")
    .option('--mean <r,g,b>', 'per-channel mean after scaling to [0,1] (default: ImageNet)')
    .option('--std <r,g,b>', 'per-channel standard deviation (default: ImageNet)')
    .option('--batch-size <n>', 'masked images per forward run', '32')
    .option('--threads <n>', 'intra-op threads for onnxruntime, or WASM threads for TF.js (default: one per core)')
    .option('--npz <file>', 'write the final maps (float32 H×W, keyed by image file name)')
    .option('--out <dir>', 'write a jet overlay PNG and a JSON summary per image')
    .addOption(new Option('--fusion <id>', 'override the fusion (ablations)').choices(['lnorm', 'no-lnorm', 'single-layer']))
    .option('--score <fn>', 'how the output becomes a score: softmax, sigmoid or identity', 'softmax')
    .addOption(layoutOption())
    .addOption(pluginOption())
    .action((images: string[], options: ExplainCommandOptions) => runExplainCommand(images, options, io));

  program
    .command('methods')
    .description('list every method --method accepts, with what it requires of a backend')
    .addOption(pluginOption())
    .action((options: MethodsCommandOptions) => runMethodsCommand(options, io));

  program
    .command('layers')
    .description("list the model's layers with their shapes, marking those --layers auto picks")
    .option('--model <file>', 'an ONNX model or a TF.js model.json (default: the bundled demo model)')
    .addOption(backendOption())
    .addOption(tfPlatformOption())
    .option('--threads <n>', 'intra-op threads for onnxruntime')
    .addOption(layoutOption())
    .action((options: LayersCommandOptions) => runLayersCommand(options, io));

  program
    .command('evaluate')
    .description("score saliency maps with the paper's faithfulness protocol (insertion, deletion, drop/increase)")
    .argument('<images...>', 'the images the maps explain')
    .requiredOption('--saliency-npz <file>', 'the maps, keyed by image file name (as explain --npz writes)')
    .option('--model <file>', 'the ONNX model (default: the bundled demo model)')
    .option('--metrics <list>', 'insertion, deletion and/or drop-increase', 'insertion,deletion')
    .option('--steps <n>', 'steps of the insertion and deletion curves', '224')
    .option('--baseline <name>', 'what removed pixels hold: blur (of the normalised image) or zero', 'blur')
    .option('--class <n>', 'the class to score (default: the predicted class of each image)')
    .option('--mean <r,g,b>', 'per-channel mean after scaling to [0,1] (default: ImageNet)')
    .option('--std <r,g,b>', 'per-channel standard deviation (default: ImageNet)')
    .option('--batch-size <n>', 'step images per forward run', '32')
    .option('--threads <n>', 'intra-op threads for onnxruntime')
    .option('--model-name <name>', 'the model part of the CSV file names (default: the model file name)')
    .option('--saliency-name <name>', 'the saliency part of the CSV file names (default: the npz file name)')
    .option('--csv-dir <dir>', 'where to write the CSV files', '.')
    .addOption(layoutOption())
    .action((images: string[], options: EvaluateCommandOptions) => runEvaluateCommand(images, options, io));

  program
    .command('benchmark')
    .description('run Poly-CAM and its ablations on the synthetic benchmark: faithfulness, localisation and cost')
    .addOption(benchmarkDataOption())
    .option('--images <n>', 'how many one-object test images', '100')
    .option('--steps <n>', 'steps of the insertion and deletion curves', '224')
    .option('--batch-size <n>', 'images per forward run', '32')
    .option('--threads <n>', 'intra-op threads for onnxruntime')
    .option('--methods <list>', "'default' (all but rise and occlusion), 'all', or keys: pcam+, pcam-, pcam±, pcam±-no-lnorm, cam+, cam-, cam±, score-cam, grad-cam, grad-cam++, layer-cam, rise, occlusion")
    .addOption(bundledCopyOption())
    .option('--plot <file>', 'where to draw the mean curves (SVG)', 'out/benchmark/curves.svg')
    .action((options: BenchmarkCommandOptions) => runBenchmarkCommand(options, io));

  program
    .command('sanity')
    .description('sensitivity-max and the cascading model-randomisation check, on the synthetic benchmark')
    .addOption(benchmarkDataOption())
    .option('--images <n>', 'how many one-object test images', '10')
    .option('--samples <n>', 'perturbations for sensitivity-max', '10')
    .option('--threads <n>', 'intra-op threads for onnxruntime')
    .addOption(bundledCopyOption())
    .action((options: SanityCommandOptions) => runSanityCommand(options, io));

  program
    .command('generate-benchmark')
    .description('write the seeded synthetic benchmark: images, object masks and a manifest')
    .requiredOption('--out <dir>', 'the folder to write')
    .option('--seed <n>', 'the random seed', String(benchmarkSplits.seed))
    .option('--size <n>', 'the image side in pixels', String(benchmarkSplits.size))
    .option('--classes <n>', 'how many of the 8 classes', '8')
    .option('--train <n>', 'single-object training images', String(benchmarkSplits.splits.train.single))
    .option('--validation <n>', 'single-object validation images', String(benchmarkSplits.splits.validation.single))
    .option('--test <n>', 'single-object test images', String(benchmarkSplits.splits.test.single))
    .option('--validation-pairs <n>', 'two-object validation images', String(benchmarkSplits.splits.validation.pair))
    .option('--test-pairs <n>', 'two-object test images', String(benchmarkSplits.splits.test.pair))
    .action((options: GenerateBenchmarkOptions) => runGenerateBenchmarkCommand(options, io));

  program
    .command('demo')
    .description('explain the bundled demo images with the bundled model and write an HTML report')
    .option('--out <dir>', 'where to write the report', 'out/demo')
    .option('--threads <n>', 'intra-op threads for onnxruntime')
    .action((options: DemoCommandOptions) => runDemoCommand(options, io));

  return program;
}
