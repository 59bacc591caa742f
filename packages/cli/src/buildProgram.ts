import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import type { CliIo } from './CliIo.js';
import type { BenchmarkCommandOptions } from './commands/BenchmarkCommandOptions.js';
import type { DatasetExplainOptions } from './commands/DatasetExplainOptions.js';
import type { DatasetStatusOptions } from './commands/DatasetStatusOptions.js';
import type { DemoCommandOptions } from './commands/DemoCommandOptions.js';
import type { EvaluateCommandOptions } from './commands/EvaluateCommandOptions.js';
import type { ExplainCommandOptions } from './commands/ExplainCommandOptions.js';
import type { GenerateBenchmarkOptions } from './commands/GenerateBenchmarkOptions.js';
import type { LayersCommandOptions } from './commands/LayersCommandOptions.js';
import type { MethodsCommandOptions } from './commands/MethodsCommandOptions.js';
import type { SanityCommandOptions } from './commands/SanityCommandOptions.js';
import type { TargetsCommandOptions } from './commands/TargetsCommandOptions.js';
import type { ViewCommandOptions } from './commands/ViewCommandOptions.js';
import type { WorkerCommandOptions } from './commands/WorkerCommandOptions.js';
import { runBenchmarkCommand } from './commands/runBenchmarkCommand.js';
import { runDatasetExplainCommand } from './commands/runDatasetExplainCommand.js';
import { runDatasetStatusCommand } from './commands/runDatasetStatusCommand.js';
import { runDemoCommand } from './commands/runDemoCommand.js';
import { runEvaluateCommand } from './commands/runEvaluateCommand.js';
import { runExplainCommand } from './commands/runExplainCommand.js';
import { runGenerateBenchmarkCommand } from './commands/runGenerateBenchmarkCommand.js';
import { runLayersCommand } from './commands/runLayersCommand.js';
import { runMethodsCommand } from './commands/runMethodsCommand.js';
import { runSanityCommand } from './commands/runSanityCommand.js';
import { runTargetsCommand } from './commands/runTargetsCommand.js';
import { runViewCommand } from './commands/runViewCommand.js';
import { runWorkerCommand } from './commands/runWorkerCommand.js';
import { maxImagePixels } from './image/maxImagePixels.js';
import { addBundledModelOptions } from './options/addBundledModelOptions.js';
import { addExplainOptions } from './options/addExplainOptions.js';
import { addTargetOptions } from './options/addTargetOptions.js';
import { addModelOptions } from './options/addModelOptions.js';
import { pluginOption } from './options/pluginOption.js';
import { queueOptions } from './options/queueOptions.js';
import { benchmarkSplits } from '@polycam/benchmark';
import { roadPercentiles } from '@polycam/metrics';

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

function benchmarkDataOption(): Option {
  return new Option('--data <dir>', "the benchmark's test split (generated there if absent)").default('data/benchmark-test');
}

/**
 * Builds the `polycam` command-line program.
 *
 * @internal
 * @param io - Streams and the cancellation signal.
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

  addExplainOptions(addModelOptions(
    program
      .command('explain')
      .description('explain why the model predicts a class, as a saliency map per image')
      .argument(
        '<images...>',
        `PNG, JPEG, WebP, GIF, TIFF, AVIF or SVG images of at most ${maxImagePixels} pixels (16383 × 16383) each, down to 1×1, each resized to the model's input; an alpha channel is dropped and only an animation's first frame is read, each with a warning`,
      ),
    { normalisation: true },
  ))
    .option('--npz <file>', 'write the final maps (float32 H×W, keyed by image file name)')
    .option('--out <dir>', 'write a jet overlay PNG and a JSON summary per image')
    .action((images: string[], options: ExplainCommandOptions) => runExplainCommand(images, options, io));

  const dataset = program.command('dataset').description('explain whole datasets, resumably, on one machine or many (through a BullMQ queue on Redis)');
  const datasetExplain = addExplainOptions(
    addModelOptions(
      dataset
        .command('explain')
        .description("explain every image of a folder (recursively), a text file of paths or a generate-benchmark manifest.json, with explain's options")
        .argument('<input>', 'a folder of images, a text file with one path per line, or a manifest.json'),
      { normalisation: true },
    ),
  )
    .requiredOption('--out <dir>', 'where the maps (.npy), records (.json), index.jsonl and failures.txt go; a re-run resumes there')
    .option('--workers <n>', 'local worker processes (default: one per 2 cores; 0 with --redis: only enqueue and wait)')
    .option('--overlay', 'also write each map over its image as a jet overlay PNG')
    .option('--metrics <list>', "score each map as soon as it exists (insertion, deletion, drop-increase) and write the paper's CSV files")
    .option('--steps <n>', 'steps of the insertion and deletion curves', '224')
    .option('--baseline <name>', 'what removed pixels hold: blur (of the normalised image) or zero', 'blur')
    .option('--retries <n>', 'further runs of a job after a transient failure (runtime or file-system error, dead worker)', '2');
  for (const option of queueOptions('run the jobs through a BullMQ queue on this Redis (redis://host:port), with workers on any machine', false)) datasetExplain.addOption(option);
  datasetExplain.action((input: string, options: DatasetExplainOptions) => runDatasetExplainCommand(input, options, io));

  const status = dataset.command('status').description("print a dataset queue's job counts by state, and its failed jobs with their reasons");
  for (const option of queueOptions('the Redis that holds the queue (redis://host:port)', true)) status.addOption(option);
  status.action((options: DatasetStatusOptions) => runDatasetStatusCommand(options, io));

  const worker = program
    .command('worker')
    .description("run dataset jobs from a BullMQ queue on Redis until stopped (SIGTERM or Ctrl-C finishes the jobs in hand); the machine must see the jobs' images, output folder and model at the same paths");
  for (const option of queueOptions('the Redis that holds the queue (redis://host:port)', true)) worker.addOption(option);
  worker
    .option('--concurrency <n>', 'jobs at once in this process', '1')
    .option('--threads <n>', 'runtime threads per job (default: cores ÷ concurrency)')
    .option('--stall-ms <n>', "how long a job's lock lasts: a dead worker's job goes to another worker after about this long", '30000')
    .action((options: WorkerCommandOptions) => runWorkerCommand(options, io));

  program
    .command('methods')
    .description('list every method --method accepts, with what it requires of a backend')
    .addOption(pluginOption())
    .action((options: MethodsCommandOptions) => runMethodsCommand(options, io));

  program
    .command('targets')
    .description('list every target kind --target KIND:ARGUMENT accepts, with its syntax and the score it explains')
    .addOption(pluginOption())
    .action((options: TargetsCommandOptions) => runTargetsCommand(options, io));

  addModelOptions(
    program
      .command('layers')
      .description("list the model's layers with their shapes, marking those --layers auto picks"),
  ).action((options: LayersCommandOptions) => runLayersCommand(options, io));

  const evaluate = addModelOptions(
    program
      .command('evaluate')
      .description("score saliency maps with the paper's faithfulness protocol (insertion, deletion, drop/increase) and ROAD")
      .argument('<images...>', 'the images the maps explain')
      .requiredOption('--saliency-npz <file>', 'the maps, keyed by image file name (as explain --npz writes)'),
    { normalisation: true },
  )
    .option('--metrics <list>', 'insertion, deletion, drop-increase and/or road', 'insertion,deletion')
    .option('--road-percentiles <list>', "ROAD's percentiles (the share of pixels kept), averaged", roadPercentiles.join(','))
    .option('--steps <n>', 'steps of the insertion and deletion curves', '224')
    .option('--baseline <name>', 'what removed pixels hold: blur (of the normalised image) or zero', 'blur');
  addTargetOptions(evaluate, 'score')
    .option('--batch-size <n>', 'step images per forward run', '32')
    .option('--model-name <name>', 'the model part of the CSV file names (default: the model file name)')
    .option('--saliency-name <name>', 'the saliency part of the CSV file names (default: the npz file name)')
    .option('--csv-dir <dir>', 'where to write the CSV files', '.')
    .action((images: string[], options: EvaluateCommandOptions) => runEvaluateCommand(images, options, io));

  const benchmark = program
    .command('benchmark')
    .description('run Poly-CAM and its ablations on the synthetic benchmark: faithfulness, localisation and cost')
    .addOption(benchmarkDataOption())
    .option('--images <n>', 'how many one-object test images', '100')
    .option('--steps <n>', 'steps of the insertion and deletion curves', '224')
    .option('--road-percentiles <list>', "ROAD's percentiles (the share of pixels kept), averaged; none leaves ROAD out", roadPercentiles.join(','))
    .option('--batch-size <n>', 'images per forward run', '32')
    .option('--methods <list>', "'default' (all but rise and occlusion), 'all', or keys: pcam+, pcam-, pcam±, pcam±-no-lnorm, cam+, cam-, cam±, score-cam, grad-cam, grad-cam++, layer-cam, rise, occlusion")
    .option('--plot <file>', 'where to draw the mean curves (SVG)', 'out/benchmark/curves.svg');
  addBundledModelOptions(benchmark).action((options: BenchmarkCommandOptions) => runBenchmarkCommand(options, io));

  const sanity = program
    .command('sanity')
    .description('sensitivity-max and the cascading model-randomisation check, on the synthetic benchmark')
    .addOption(benchmarkDataOption())
    .option('--images <n>', 'how many one-object test images', '10')
    .option('--samples <n>', 'perturbations for sensitivity-max', '10');
  addBundledModelOptions(sanity).action((options: SanityCommandOptions) => runSanityCommand(options, io));

  program
    .command('generate-benchmark')
    .description('write the seeded synthetic benchmark: images, object masks and a manifest (at most 100000 images)')
    .requiredOption('--out <dir>', 'the folder to create (absent or empty); it appears only once complete')
    .option('--seed <n>', 'the random seed', String(benchmarkSplits.seed))
    .option('--size <n>', 'the image side in pixels, 48 to 512', String(benchmarkSplits.size))
    .option('--classes <n>', 'how many of the 8 classes', '8')
    .option('--train <n>', 'single-object training images', String(benchmarkSplits.splits.train.single))
    .option('--validation <n>', 'single-object validation images', String(benchmarkSplits.splits.validation.single))
    .option('--test <n>', 'single-object test images', String(benchmarkSplits.splits.test.single))
    .option('--validation-pairs <n>', 'two-object validation images', String(benchmarkSplits.splits.validation.pair))
    .option('--test-pairs <n>', 'two-object test images', String(benchmarkSplits.splits.test.pair))
    .action((options: GenerateBenchmarkOptions) => runGenerateBenchmarkCommand(options, io));

  addBundledModelOptions(
    program
      .command('demo')
      .description('explain the bundled demo images with the bundled model and write an HTML report')
      .option('--out <dir>', 'where to write the report', 'out/demo'),
  ).action((options: DemoCommandOptions) => runDemoCommand(options, io));

  program
    .command('view')
    .description('serve the in-browser viewer on localhost, with the results in DIR (explain --out, demo or a dataset run)')
    .argument('[dir]', 'a results folder to open')
    .option('--port <n>', 'the port to listen on (0: any free port)', '5180')
    .option('--host <address>', 'the address to listen on', '127.0.0.1')
    .action((dir: string | undefined, options: ViewCommandOptions) => runViewCommand(dir, options, io));

  return program;
}
