import { throwIfAborted, type RunResult, type WeightingContext } from '@polycam/core';
import type { ChannelMaskPlan } from './ChannelMaskPlan.js';
import type { ChannelMaskScores } from './ChannelMaskScores.js';
import { MaskedImageWriter } from './MaskedImageWriter.js';
import type { MaskVariants } from './MaskVariants.js';
import { planChannelMasks } from './planChannelMasks.js';
import { planMaskJobs } from './planMaskJobs.js';
import { writeLowResolutionMasks } from './writeLowResolutionMasks.js';

/**
 * The masked-scoring helper that CIC, CDC and CVC share: for every channel k of the layer, the
 * target score of `X ⊙ M_k` and/or `X ⊙ (1 − M_k)`, where `M_k = resize(u(A^k), H×W)`.
 *
 * It applies METHOD.md's exact shortcuts: an all-zero mask's image is the zero input (one shared
 * pass for all of them) and its complement is X, whose score is known; identical masks share one
 * pass. Masked images are generated per batch of `context.batchSize`, so memory stays bounded
 * whatever the channel count; a backend with the `masked-inputs` capability receives only the
 * low-resolution masks and builds the images itself. Every evaluation is reported to the ledger,
 * as run or saved.
 *
 * @param context - The layer, the image, the model and the accounting.
 * @param variants - Which masked images to score.
 * @param plan - The layer's masks; by default `planChannelMasks(context.activation)`, the
 *   authors' `u`. Give another plan to score other masks of the same layer.
 * @returns The scores of the requested variants.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `aborted` when the context's signal fires.
 */
export async function scoreChannelMasks(
  context: WeightingContext,
  variants: MaskVariants,
  plan: ChannelMaskPlan = planChannelMasks(context.activation),
): Promise<ChannelMaskScores> {
  const { backend, input, target, baseScore, batchSize, signal, ledger } = context;
  throwIfAborted(signal);
  const wanted = [...(variants.direct ? [false] : []), ...(variants.complement ? [true] : [])];
  const { jobs, sources } = planMaskJobs(plan, wanted);
  const saved = plan.channels * wanted.length - jobs.length;
  if (saved > 0) ledger.saved(saved);

  const runner = backend.maskedInputs;
  const imageShape = input.shape.slice(1);
  const perJob = runner ? plan.height * plan.width : input.data.length;
  const buffer = new Float32Array(Math.min(batchSize, jobs.length) * perJob);
  const writer = new MaskedImageWriter(plan, input);
  const outputSize = backend.description.output.size;
  const scores = new Float32Array(jobs.length);
  for (let start = 0; start < jobs.length; start += batchSize) {
    throwIfAborted(signal);
    const batchJobs = jobs.slice(start, start + batchSize);
    const batch = buffer.subarray(0, batchJobs.length * perJob);
    let result: RunResult;
    if (runner) {
      writeLowResolutionMasks(plan, batchJobs, batch);
      result = await runner.runMasked({ image: input, masks: { shape: [batchJobs.length, plan.height, plan.width], data: batch } }, signal);
    } else {
      writer.write(batchJobs, batch);
      result = await backend.run({ input: { shape: [batchJobs.length, ...imageShape], data: batch } }, signal);
    }
    batchJobs.forEach((_, slot) => {
      scores[start + slot] = target.score(result.output.data.subarray(slot * outputSize, (slot + 1) * outputSize));
    });
    ledger.ran(batchJobs.length);
  }

  const resolve = (variant: number): Float32Array =>
    Float32Array.from(sources[variant]!, (source) => (source === 'base' ? baseScore : scores[source]!));
  return {
    direct: variants.direct ? resolve(0) : undefined,
    complement: variants.complement ? resolve(wanted.length - 1) : undefined,
  };
}
