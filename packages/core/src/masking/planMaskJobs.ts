import type { ChannelMaskPlan } from './ChannelMaskPlan.js';
import type { MaskJob } from './MaskJob.js';

/** Where an evaluation's score comes from: a job's index, or the known `s(X)`. */
export type ScoreSource = number | 'base';

/**
 * Decides which masked images need a forward pass, applying the exact shortcuts: an all-zero
 * mask's image is the zero input (one job shared by all of them) and its complement is X, whose
 * score is known; identical masks share one job.
 *
 * @internal
 * @param plan - The layer's masks.
 * @param variants - For each requested variant, whether it is the complement.
 * @returns The jobs in order (a channel's variants adjacent), and for each variant and channel
 *   where its score comes from.
 */
export function planMaskJobs(plan: ChannelMaskPlan, variants: readonly boolean[]): { jobs: MaskJob[]; sources: ScoreSource[][] } {
  const jobs: MaskJob[] = [];
  const jobIndex = new Map<string, number>();
  const jobFor = (key: string, job: MaskJob): number => {
    let index = jobIndex.get(key);
    if (index === undefined) {
      index = jobs.push(job) - 1;
      jobIndex.set(key, index);
    }
    return index;
  };
  const sources = variants.map(() => [] as ScoreSource[]);
  for (let channel = 0; channel < plan.channels; channel += 1) {
    const twin = plan.representative[channel]!;
    const isZero = plan.kinds[twin] === 'zero';
    variants.forEach((complement, variant) => {
      const source: ScoreSource = isZero
        ? complement
          ? 'base'
          : jobFor('zero-input', { kind: 'zero-input' })
        : jobFor(`${twin}:${complement}`, { kind: 'mask', channel: twin, complement });
      sources[variant]!.push(source);
    });
  }
  return { jobs, sources };
}
