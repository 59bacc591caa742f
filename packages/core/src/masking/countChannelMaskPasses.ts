import type { ChannelMaskPlan } from './ChannelMaskPlan.js';
import type { MaskVariants } from './MaskVariants.js';
import { planMaskJobs } from './planMaskJobs.js';

/**
 * The forward passes `scoreChannelMasks` runs for these masks and variants, after its
 * exact shortcuts: one per distinct non-zero mask and variant, plus one zero-input pass when a
 * mask is all zero and the direct variant is asked for. A strategy built on
 * `scoreChannelMasks` answers its `passesFor` with it.
 *
 * @param plan - The layer's masks, as `planChannelMasks` gives them.
 * @param variants - Which masked images are scored.
 * @returns The number of passes.
 */
export function countChannelMaskPasses(plan: ChannelMaskPlan, variants: MaskVariants): number {
  const wanted = [...(variants.direct ? [false] : []), ...(variants.complement ? [true] : [])];
  return planMaskJobs(plan, wanted).jobs.length;
}
