import { PolycamError, throwIfAborted, type ModelBackend } from '@polycam/core';
import { averageDropIncrease } from '../faithfulness/averageDropIncrease.js';
import { checkSaliencyMap } from '../faithfulness/checkSaliencyMap.js';
import { imageTarget } from '../faithfulness/imageTarget.js';
import type { AverageDropIncreaseResult } from '../faithfulness/AverageDropIncreaseResult.js';
import { deletion } from '../faithfulness/deletion.js';
import { insertion } from '../faithfulness/insertion.js';
import type { RelevanceCurveResult } from '../faithfulness/RelevanceCurveResult.js';
import { checkRoadPercentiles } from '../road/checkRoadPercentiles.js';
import { road } from '../road/road.js';
import { roadPercentiles } from '../road/roadPercentiles.js';
import type { RoadResult } from '../road/RoadResult.js';
import type { FaithfulnessItem } from './FaithfulnessItem.js';
import { faithfulnessMetrics } from './faithfulnessMetrics.js';
import { assembleFaithfulnessReport } from './assembleFaithfulnessReport.js';
import type { FaithfulnessOptions } from './FaithfulnessOptions.js';
import type { FaithfulnessReport } from './FaithfulnessReport.js';

/**
 * The paper's faithfulness protocol over a set of images: for each image and its saliency map,
 * the insertion and deletion curves and their AUCs, and the average drop and increase in
 * confidence, as {@link insertion}, {@link deletion} and {@link averageDropIncrease} compute
 * them, and, when asked, ROAD as {@link road} does; then the means over the images. `polycam evaluate` prints this report and writes it as
 * the paper's CSV files with {@link faithfulnessCsvFiles}.
 *
 * The step count, and every image's map ({@link checkSaliencyMap}: the input's size, or smaller
 * with its aspect ratio), and every image's class or target (the item's own, else the options'),
 * are checked against the model before any pass; a target is bound to each image's own output.
 *
 * @param backend - The model.
 * @param items - The images with their maps, each with a unique key.
 * @param options - Measures, steps, baseline, batch size, class or target (an item's own overrides
 *   them), the target plugins, cancellation and progress.
 * @returns The per-image figures and their means.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-argument` for a
 *   repeated key, a step count larger than `H·W`, a ROAD percentile outside [0, 100] or a map
 *   that {@link checkSaliencyMap} refuses (naming the image's key), a class and a target both given, a target that
 *   `targetBinder` refuses, `class-out-of-range`, `aborted`, and what
 *   the measures throw.
 */
export async function evaluateFaithfulness(
  backend: ModelBackend,
  items: readonly FaithfulnessItem[],
  options: FaithfulnessOptions = {},
): Promise<FaithfulnessReport> {
  const asked = options.metrics ?? faithfulnessMetrics.filter((metric) => metric !== 'road');
  const metrics = faithfulnessMetrics.filter((metric) => asked.includes(metric));
  const { steps = 224, baseline = 'blur', batchSize = 32, signal, onProgress } = options;
  const [, height, width] = backend.description.input.shape;
  const curves = metrics.filter((metric) => metric === 'insertion' || metric === 'deletion');
  if (curves.length > 0 && steps > height * width) {
    throw new PolycamError('invalid-argument', `${steps} steps exceed the ${height * width} pixels of the model's input`);
  }
  const keys = new Set(items.map((item) => item.key));
  if (keys.size !== items.length) {
    throw new PolycamError('invalid-argument', 'two evaluated images share a key');
  }
  for (const { key, saliency } of items) {
    try {
        checkSaliencyMap(saliency, height, width);
    } catch (error) {
      throw new PolycamError('invalid-argument', `'${key}': ${(error as Error).message}`, { cause: error });
    }
  }
  const targetOf = (item: FaithfulnessItem) => {
    const own = item.classIndex !== undefined || item.target !== undefined ? item : options;
    return { classIndex: own.classIndex, target: own.target, targets: options.targets };
  };
  for (const item of items) imageTarget(targetOf(item), backend.description.output, 'softmax');
  const roadOptions = options.road ?? {};
  if (metrics.includes('road')) checkRoadPercentiles(roadOptions.percentiles ?? roadPercentiles);
  const roadUnits = metrics.includes('road') ? 1 + 2 * (roadOptions.percentiles ?? roadPercentiles).length : 0;
  const perImage = curves.length * steps + (metrics.includes('drop-increase') ? 1 : 0) + roadUnits;
  const total = items.length * perImage;
  const results = { insertion: new Map<string, RelevanceCurveResult>(), deletion: new Map<string, RelevanceCurveResult>() };
  const dropIncrease = new Map<string, AverageDropIncreaseResult>();
  const roads = new Map<string, RoadResult>();
  throwIfAborted(signal);
  onProgress?.(0, total);
  for (const [index, item] of items.entries()) {
    const { key, input, saliency } = item;
    const { classIndex, target, targets } = targetOf(item);
    const common = {
      ...(classIndex === undefined ? {} : { classIndex }),
      ...(target === undefined ? {} : { target }),
      ...(targets === undefined ? {} : { targets }),
      ...(signal ? { signal } : {}),
    };
    let done = index * perImage;
    try {
      for (const metric of metrics) {
        if (metric === 'drop-increase') {
          dropIncrease.set(key, await averageDropIncrease(backend, input, saliency, common));
          onProgress?.((done += 1), total);
          continue;
        }
        const start = done;
        if (metric === 'road') {
          roads.set(key, await road(backend, input, saliency, { ...common, ...roadOptions, batchSize, onProgress: (scored) => onProgress?.(start + scored, total) }));
          done += roadUnits;
          continue;
        }
        const curve = metric === 'insertion' ? insertion : deletion;
        results[metric].set(
          key,
          await curve(backend, input, saliency, { ...common, steps, baseline, batchSize, onProgress: (stepsDone) => onProgress?.(start + stepsDone, total) }),
        );
        done += steps;
      }
    } catch (error) {
      // A target bound to this image's output may be empty on it (a segmentation class predicted
      // nowhere): the library names the target, only this loop knows which image it was.
      if (target !== undefined && PolycamError.is(error, 'invalid-argument')) throw new PolycamError('invalid-argument', `'${key}': ${error.message}`, { cause: error });
      throw error;
    }
  }
  return assembleFaithfulnessReport(metrics, steps, baseline, { ...results, dropIncrease, road: roads });
}
