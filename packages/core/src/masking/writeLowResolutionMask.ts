import type { ChannelMaskPlan } from './ChannelMaskPlan.js';
import type { MaskJob } from './MaskJob.js';

/**
 * Writes one job's low-resolution mask, `[h, w]`, for a backend that builds masked images
 * itself: `u(A^k)`, `1 − u(A^k)`, or zeros for the zero input.
 *
 * @internal
 * @param plan - The layer's masks.
 * @param target - Where to write its `h · w` values.
 */
export function writeLowResolutionMask(plan: ChannelMaskPlan, job: MaskJob, target: Float32Array): void {
  if (job.kind === 'zero-input') {
    target.fill(0);
    return;
  }
  const size = plan.height * plan.width;
  const mask = plan.masks.subarray(job.channel * size, (job.channel + 1) * size);
  if (!job.complement) {
    target.set(mask);
    return;
  }
  for (let index = 0; index < size; index += 1) target[index] = 1 - mask[index]!;
}
