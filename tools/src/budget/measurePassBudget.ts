import { preprocessImage, type Explainer, type ExplainResult, type ModelBackend, type Tensor } from '@polycam/core';
import { deletion, energyInMask, insertion, pearsonCorrelation, pointingGame } from '@polycam/metrics';
import { generateScene, objectClasses, sceneSeed, type DemoModelMetadata } from '@polycam/synthetic';
import { benchmarkSplits } from '@polycam/benchmark';
import type { BudgetSample } from './BudgetSample.js';

/** What {@link measurePassBudget} measures. */
export interface PassBudgetOptions {
  /** The explainer, with Poly-CAM's module. */
  readonly explainer: Explainer;
  /** The bundled demo model. */
  readonly backend: ModelBackend;
  /** Its metadata. */
  readonly model: DemoModelMetadata;
  /** The benchmark split: `validation` to choose, `test` to report. */
  readonly split: 'validation' | 'test';
  /** How many of its one-object images, from the first. */
  readonly images: number;
  /** The rules to compare. */
  readonly rules: readonly string[];
  /** The budgets, as fractions of each image's exact count. */
  readonly fractions: readonly number[];
  /** Whether to measure insertion and deletion (448 passes per map). */
  readonly faithfulness: boolean;
  /** Called after each image, with the samples so far. */
  readonly onImage?: (done: number, samples: readonly BudgetSample[]) => void;
}

async function insDel(backend: ModelBackend, input: Tensor, result: ExplainResult): Promise<number> {
  const classIndex = result.classIndex!;
  return (await insertion(backend, input, result.map, { classIndex })).auc - (await deletion(backend, input, result.map, { classIndex })).auc;
}

/**
 * Measures PCAM± with a pass budget against the exact PCAM± map, image by image, on the
 * one-object images of a split of the synthetic benchmark, redrawn from their seeds: for each
 * rule and budget fraction, the passes, the Pearson correlation with the exact map, the change
 * in insertion − deletion, in the pointing game and in the energy inside the object, and the
 * time. The exact map is computed first for each image, so the times compare side by side.
 *
 * @param options - The model, the split, the rules and budgets.
 * @returns One sample per image, rule and budget.
 */
export async function measurePassBudget(options: PassBudgetOptions): Promise<BudgetSample[]> {
  const { explainer, backend, model, rules, fractions } = options;
  const [, height, width] = model.inputShape;
  const splitIndex = options.split === 'validation' ? 1 : 2;
  const samples: BudgetSample[] = [];
  for (let index = 0; index < options.images; index += 1) {
    const seed = sceneSeed(benchmarkSplits.seed, splitIndex, 0, index);
    const scene = generateScene({ seed, size: benchmarkSplits.size, labels: [index % objectClasses.length] });
    const input = preprocessImage(scene.image, { height, width, mean: model.mean, std: model.std });
    const request = { backend, input, method: 'pcam±', layers: model.recommendedLayers };
    const exact = await explainer.explain(request);
    const mask = scene.objects[0]!.mask;
    const exactInsDel = options.faithfulness ? await insDel(backend, input, exact) : Number.NaN;
    const exactPointing = Number(pointingGame(exact.map, mask));
    const exactEnergy = energyInMask(exact.map, mask);
    for (const fraction of fractions) {
      for (const rule of rules) {
        const result = await explainer.explain({ ...request, classIndex: exact.classIndex!, maxPasses: { fraction }, budgetRule: rule });
        samples.push({
          rule,
          fraction,
          passes: result.passes.run - 1,
          exactPasses: exact.passes.run - 1,
          pearson: pearsonCorrelation(exact.map.data, result.map.data),
          insDelChange: options.faithfulness ? (await insDel(backend, input, result)) - exactInsDel : Number.NaN,
          pointingChange: Number(pointingGame(result.map, mask)) - exactPointing,
          energyChange: energyInMask(result.map, mask) - exactEnergy,
          ms: result.durationMs,
          exactMs: exact.durationMs,
        });
      }
    }
    options.onImage?.(index + 1, samples);
  }
  return samples;
}
