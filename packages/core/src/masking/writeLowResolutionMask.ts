import type { ChannelMaskPlan } from './ChannelMaskPlan.js';
import type { MaskJob } from './MaskJob.js';

/**
 * Writes the low-resolution masks of a batch of jobs, `[N, h, w]`, for a backend that builds
 * masked images itself: `u(A^k)`, `1 − u(A^k)`, or zeros for the zero input.
 *
 * @internal
 * @param plan - The layer's masks.
 * @param jobs - The batch's jobs.
 * @param target - Where to write, at least `jobs.length · h · w` values.
 */
export function writeLowResolutionMasks(plan: ChannelMaskPlan, jobs: readonly MaskJob[], target: Float32Array): void {
  const size = plan.height * plan.width;
  jobs.forEach((job, slot) => {
    const out = target.subarray(slot * size, (slot + 1) * size);
    if (job.kind === 'zero-input') {
      out.fill(0);
      return;
    }
    const mask = plan.masks.subarray(job.channel * size, (job.channel + 1) * size);
    for (let index = 0; index < size; index += 1) {
      out[index] = job.complement ? 1 - mask[index]! : mask[index]!;
    }
  });
}
