import { throwIfAborted } from '../errors/throwIfAborted.js';
import { scoreInBatches } from '../scoring/scoreInBatches.js';
import type { WeightingContext } from '../weighting/WeightingContext.js';
import type { ChannelMaskPlan } from './ChannelMaskPlan.js';
import type { ChannelMaskScores } from './ChannelMaskScores.js';
import { MaskedImageWriter } from './MaskedImageWriter.js';
import type { MaskVariants } from './MaskVariants.js';
import { planChannelMasks } from './planChannelMasks.js';
import { planMaskJobs } from './planMaskJobs.js';
import { writeLowResolutionMask } from './writeLowResolutionMask.js';

/**
 * The masked-scoring helper that CIC, CDC and CVC share: for every channel k of the layer, the
 * target score of `X ⊙ M_k` and/or `X ⊙ (1 − M_k)`, where `M_k = resize(u(A^k), H×W)`.
 *
 * It applies METHOD.md's exact shortcuts: an all-zero mask's image is the zero input (one shared
 * pass for all of them) and its complement is X, whose score is known; identical masks share one
 * pass. Masked images are generated per batch of `context.batchSize`, so memory stays bounded
 * whatever the channel count; a backend with the `masked-inputs` capability receives only the
 * low-resolution masks and builds the images itself: the batching is {@link scoreInBatches}'s.
 * Every evaluation is reported to the ledger, as run or saved.
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
  const { input, baseScore, signal, ledger } = context;
  throwIfAborted(signal);
  const wanted = [...(variants.direct ? [false] : []), ...(variants.complement ? [true] : [])];
  const { jobs, sources } = planMaskJobs(plan, wanted);
  const saved = plan.channels * wanted.length - jobs.length;
  if (saved > 0) ledger.saved(saved);

  const writer = new MaskedImageWriter(plan, input);
  const scores = await scoreInBatches(context, {
    count: jobs.length,
    writeImage: (index, image) => writer.write(jobs[index]!, image),
    masks: { height: plan.height, width: plan.width, write: (index, mask) => writeLowResolutionMask(plan, jobs[index]!, mask) },
    describe: (index) => `masked pass ${index + 1} of layer '${context.layer}'`,
  });

  const resolve = (variant: number): Float32Array =>
    Float32Array.from(sources[variant]!, (source) => (source === 'base' ? baseScore : scores[source]!));
  return {
    direct: variants.direct ? resolve(0) : undefined,
    complement: variants.complement ? resolve(wanted.length - 1) : undefined,
  };
}
