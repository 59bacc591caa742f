import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { PolycamError, TOKENS } from '@polycam/core';
import { configId, createJobs, listDatasetInput, modelIdentity, readCompleteRecord, type JobOptionValue, type JobOutputs } from '@polycam/dataset';
import { faithfulnessMetrics } from '@polycam/metrics';
import type { DatasetExplainOptions } from '../commands/DatasetExplainOptions.js';
import { datasetRunKeys } from '../commands/datasetRunKeys.js';
import { composeCliContainer } from '../container/composeCliContainer.js';
import { parseExplainSettings } from '../explain/parseExplainSettings.js';
import { resolveExplainMethod } from '../explain/resolveExplainMethod.js';
import { chosenModelPath } from '../model/chosenModelPath.js';
import { parseInteger } from '../options/parseInteger.js';
import { parseMetricList } from '../options/parseMetricList.js';
import { parseModelOptions } from '../options/parseModelOptions.js';
import { givenTargets } from '../target/givenTargets.js';
import { checkImageTargets } from './checkImageTargets.js';
import type { DatasetRun } from './DatasetRun.js';

/**
 * Checks a `polycam dataset explain` command and builds its jobs, before any worker starts:
 * explain's options are parsed and the method's ids checked against the plugins, the input is
 * listed (the output folder left out), each image's own class or target (`--target`,
 * `--classes`) is checked on the model, the model is hashed, and each job's result is checked
 * for completeness, so that a re-run skips the complete ones.
 *
 * @param input - The folder, list or manifest.
 * @param options - The raw options.
 * @param warn - Told each warning in one line.
 * @returns The run.
 * @throws {@link PolycamError} for any bad option or input, with a one-line message.
 */
export async function prepareDatasetRun(input: string, options: DatasetExplainOptions, warn: (line: string) => void): Promise<DatasetRun> {
  const cores = availableParallelism();
  const workers = options.workers === undefined ? Math.max(1, Math.floor(cores / 2)) : parseInteger('--workers', options.workers, 0);
  if (workers === 0 && options.redis === undefined) throw new PolycamError('invalid-argument', '--workers 0 needs --redis: without a queue nothing would run the jobs');
  const retries = parseInteger('--retries', options.retries, 0);
  const choice = parseModelOptions(options, warn);
  const threads = choice.threads ?? Math.max(1, Math.floor(cores / Math.max(workers, 1)));
  if (options.class?.includes(',')) {
    throw new PolycamError('invalid-argument', `dataset explain takes one --class for every image, not '${options.class}': give each image its class with --classes FILE.csv`);
  }
  const settings = parseExplainSettings(options);
  const container = await composeCliContainer(choice.plugins);
  const explainer = container.get(TOKENS.Explainer);
  resolveExplainMethod(explainer, options);
  let outputs: JobOutputs = { overlay: options.overlay === true };
  if (options.metrics !== undefined) {
    if (options.baseline !== 'blur' && options.baseline !== 'zero') throw new PolycamError('invalid-argument', `--baseline expects blur or zero, got '${options.baseline}'`);
    outputs = { ...outputs, metrics: { metrics: parseMetricList(options.metrics, faithfulnessMetrics.filter((metric) => metric !== 'road')), steps: parseInteger('--steps', options.steps, 1), baseline: options.baseline, batchSize: settings.batchSize } };
  }
  const out = resolve(options.out);
  const listed = await listDatasetInput(input, [out]);
  const given = await givenTargets(listed.images.map((image) => image.path), options);
  if (given !== undefined) await checkImageTargets(given, { container, explainer, choice, settings, metrics: options.metrics !== undefined }, warn);
  const model = resolve(chosenModelPath(choice));
  const jobOptions: Record<string, JobOptionValue> = {};
  for (const [key, value] of Object.entries(options)) {
    if (!datasetRunKeys.includes(key) && value !== undefined) jobOptions[key] = value as JobOptionValue;
  }
  const config = { method: options.method, options: jobOptions, model, modelHash: await modelIdentity(model) };
  const jobs = createJobs(listed.images, config, out, outputs, given?.map(({ target }) => target));
  const incomplete = [];
  for (const job of jobs) if ((await readCompleteRecord(job)) === undefined) incomplete.push(job);
  return { out, config, configId: configId(config), outputs, jobs, incomplete, workers, threads, maxAttempts: retries + 1 };
}
