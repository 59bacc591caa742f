import { readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { classTarget, PolycamError, preprocessImage } from '@polycam/core';
import { decodeNpz } from '@polycam/core/io';
import { averageDropIncrease, deletion, formatMetricCsv, insertion, type RelevanceBaseline } from '@polycam/metrics';
import type { CliIo } from '../CliIo.js';
import { withClassFlag } from './withClassFlag.js';
import { saliencyMapFor } from '../evaluate/saliencyMapFor.js';
import { readImage } from '../image/readImage.js';
import { parseInteger } from '../options/parseInteger.js';
import { parseMetricList } from '../options/parseMetricList.js';
import { resolveStatistics } from '../options/resolveStatistics.js';
import { checkOutputTargets } from '../output/checkOutputTargets.js';
import type { OutputFile } from '../output/OutputFile.js';
import { writeFilesTogether } from '../output/writeFilesTogether.js';
import type { EvaluateCommandOptions } from './EvaluateCommandOptions.js';
import { runWithModel } from './runWithModel.js';

async function readNpz(path: string): Promise<ReturnType<typeof decodeNpz>> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new PolycamError('file-not-found', `--saliency-npz '${path}' cannot be read (${(error as NodeJS.ErrnoException).code})`, { cause: error });
  }
  return decodeNpz(bytes);
}

function stem(path: string): string {
  return basename(path, extname(path));
}

/**
 * `polycam evaluate`: the paper's faithfulness protocol on saliency maps read from an npz —
 * insertion and deletion curves and AUCs (blurred baseline, 224 steps by default) and Grad-CAM++'s
 * average drop and increase in confidence — for the model's predicted class (or `--class`).
 * It writes the paper's CSV files (`ins_auc_<model>-<saliency>.csv`, `del_auc_…`,
 * `ins_details_…`, `del_details_…`, and `drop_increase_…` for the third metric) and prints the
 * means. Every input is checked before the first model run, and the CSV files are written
 * together at the end, so bad input leaves no partial file.
 *
 * @param images - The image paths; each must have a map in the npz under its file name.
 * @param options - The raw command-line options.
 * @param io - Streams and the cancellation signal.
 * @returns When the CSV files are written.
 * @throws {@link PolycamError} for any bad input, with a one-line message.
 */
export async function runEvaluateCommand(images: readonly string[], options: EvaluateCommandOptions, io: CliIo): Promise<void> {
  const metrics = parseMetricList(options.metrics);
  const steps = parseInteger('--steps', options.steps, 1);
  if (options.baseline !== 'blur' && options.baseline !== 'zero') {
    throw new PolycamError('invalid-argument', `--baseline expects blur or zero, got '${options.baseline}'`);
  }
  const baseline: RelevanceBaseline = options.baseline;
  const classIndex = options.class === undefined ? undefined : parseInteger('--class', options.class, 0);
  const batchSize = parseInteger('--batch-size', options.batchSize, 1);
  await runWithModel(options, io, {
    prepare: async () => {
      await checkOutputTargets({ out: options.csvDir });
      const npz = await readNpz(options.saliencyNpz);
      return images.map((image) => saliencyMapFor(npz, image, options.saliencyNpz));
    },
    run: async ({ model: { backend, path: modelPath }, choice, progress }, maps) => {
      const suffix = `${options.modelName ?? stem(modelPath)}-${options.saliencyName ?? stem(options.saliencyNpz)}`;
      const [channels, height, width] = backend.description.input.shape;
      const statistics = resolveStatistics(channels, choice.mean, choice.std);
      if (classIndex !== undefined) withClassFlag(() => classTarget(classIndex, 'softmax', backend.description.output.size));
      if (metrics.some((metric) => metric !== 'drop-increase') && steps > height * width) {
        throw new PolycamError('invalid-argument', `--steps ${steps} exceeds the ${height * width} pixels of the model's input`);
      }
      const decoded = [];
      for (const path of images) decoded.push(await readImage(path, channels));

      const curves = metrics.filter((metric) => metric !== 'drop-increase').length;
      const unitsPerImage = curves * steps + (metrics.includes('drop-increase') ? 1 : 0);
      progress.start('evaluating', images.length * unitsPerImage);
      const results = { insertion: new Map<string, Float32Array>(), deletion: new Map<string, Float32Array>() };
      const aucs = { insertion: new Map<string, number[]>(), deletion: new Map<string, number[]>() };
      const dropIncrease = new Map<string, number[]>();
      for (const [index, path] of images.entries()) {
        const input = preprocessImage(decoded[index]!, { height, width, ...statistics });
        const key = basename(path);
        let done = index * unitsPerImage;
        for (const metric of metrics) {
          const common = { ...(classIndex === undefined ? {} : { classIndex }), ...(io.signal ? { signal: io.signal } : {}) };
          if (metric === 'drop-increase') {
            const result = await averageDropIncrease(backend, input, maps[index]!, common);
            dropIncrease.set(key, [result.drop, result.increase ? 1 : 0]);
            progress.update((done += 1));
            continue;
          }
          const start = done;
          const run = metric === 'insertion' ? insertion : deletion;
          const curve = await run(backend, input, maps[index]!, { ...common, steps, baseline, batchSize, onProgress: (stepsDone) => progress.update(start + stepsDone) });
          results[metric].set(key, curve.scores);
          aucs[metric].set(key, [curve.auc]);
          done += steps;
        }
      }
      progress.stop();

      const files: OutputFile[] = [];
      const prefixes = { insertion: 'ins', deletion: 'del' } as const;
      for (const metric of ['insertion', 'deletion'] as const) {
        if (!metrics.includes(metric)) continue;
        files.push({ path: join(options.csvDir, `${prefixes[metric]}_auc_${suffix}.csv`), bytes: formatMetricCsv(aucs[metric]) });
        files.push({ path: join(options.csvDir, `${prefixes[metric]}_details_${suffix}.csv`), bytes: formatMetricCsv(results[metric]) });
      }
      if (metrics.includes('drop-increase')) {
        const rows = [...dropIncrease].map(([name, [drop, increase]]) => `${name},${drop},${increase}`);
        files.push({ path: join(options.csvDir, `drop_increase_${suffix}.csv`), bytes: [',drop,increase', ...rows].join('\n') + '\n' });
      }
      await writeFilesTogether(files);

      const meanOf = (values: Iterable<number[]>, column = 0): number => {
        const list = [...values].map((row) => row[column]!);
        return list.reduce((sum, value) => sum + value, 0) / list.length;
      };
      const lines = [`${images.length} image${images.length === 1 ? '' : 's'}, ${steps} steps, ${baseline} baseline`];
      if (metrics.includes('insertion')) lines.push(`insertion AUC  ${meanOf(aucs.insertion.values()).toFixed(4)}`);
      if (metrics.includes('deletion')) lines.push(`deletion AUC   ${meanOf(aucs.deletion.values()).toFixed(4)}`);
      if (metrics.includes('insertion') && metrics.includes('deletion')) {
        lines.push(`ins-del        ${(meanOf(aucs.insertion.values()) - meanOf(aucs.deletion.values())).toFixed(4)}`);
      }
      if (metrics.includes('drop-increase')) {
        lines.push(`average drop   ${(meanOf(dropIncrease.values(), 0) * 100).toFixed(2)}%`);
        lines.push(`increase in confidence ${(meanOf(dropIncrease.values(), 1) * 100).toFixed(2)}%`);
      }
      lines.push(`CSV files in ${options.csvDir}: ${files.map((file) => basename(file.path)).join(', ')}`);
      io.stdout.write(lines.join('\n') + '\n');
    },
  });
}
