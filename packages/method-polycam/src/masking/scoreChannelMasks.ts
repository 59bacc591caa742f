import { resizeBilinear, throwIfAborted, type WeightingContext } from '@polycam/core';
import type { ChannelMaskPlan } from './ChannelMaskPlan.js';
import type { ChannelMaskScores } from './ChannelMaskScores.js';
import type { MaskVariants } from './MaskVariants.js';
import { planChannelMasks } from './planChannelMasks.js';

/** A masked image that needs a forward pass. */
type Job = { readonly kind: 'zero-input' } | { readonly kind: 'mask'; readonly channel: number; readonly complement: boolean };

/** Where an evaluation's score comes from: a job's result, or the known `s(X)`. */
type Source = number | 'base';

function planJobs(plan: ChannelMaskPlan, variants: readonly boolean[]): { jobs: Job[]; sources: Source[][] } {
  const jobs: Job[] = [];
  const jobIndex = new Map<string, number>();
  const jobFor = (key: string, job: Job): number => {
    let index = jobIndex.get(key);
    if (index === undefined) {
      index = jobs.push(job) - 1;
      jobIndex.set(key, index);
    }
    return index;
  };
  const zeroInput = (): number => jobFor('zero-input', { kind: 'zero-input' });
  const sources = variants.map(() => [] as Source[]);
  for (let channel = 0; channel < plan.channels; channel += 1) {
    const twin = plan.representative[channel]!;
    const kind = plan.kinds[twin]!;
    variants.forEach((complement, variant) => {
      let source: Source;
      if (kind === 'zero') {
        source = complement ? 'base' : zeroInput();
      } else if (kind === 'one') {
        source = complement ? zeroInput() : 'base';
      } else {
        source = jobFor(`${twin}:${complement}`, { kind: 'mask', channel: twin, complement });
      }
      sources[variant]!.push(source);
    });
  }
  return { jobs, sources };
}

/**
 * The masked-scoring helper that CIC, CDC and CVC share: for every channel k of the layer, the
 * target score of `X ⊙ M_k` and/or `X ⊙ (1 − M_k)`, where `M_k = resize(u(A^k), H×W)`.
 *
 * It applies METHOD.md's exact shortcuts: an all-zero mask's image is the zero input (one shared
 * pass for all of them) and its complement is X, whose score is known; an all-one mask is the
 * reverse; identical masks share one pass. The masked images are generated per batch of
 * `context.batchSize`, so memory stays bounded whatever the channel count. Every evaluation is
 * reported to the ledger, as run or saved.
 *
 * @param context - The layer, the image, the model and the accounting.
 * @param variants - Which masked images to score.
 * @returns The scores of the requested variants.
 * @throws {@link PolycamError} `aborted` when the context's signal fires.
 */
export async function scoreChannelMasks(context: WeightingContext, variants: MaskVariants): Promise<ChannelMaskScores> {
  const { backend, input, target, baseScore, batchSize, signal, ledger } = context;
  throwIfAborted(signal);
  const plan = planChannelMasks(context.activation);
  const wanted = [...(variants.direct ? [false] : []), ...(variants.complement ? [true] : [])];
  const { jobs, sources } = planJobs(plan, wanted);
  ledger.saved(plan.channels * wanted.length - jobs.length);

  const [, channels, height, width] = input.shape as [number, number, number, number];
  const planeSize = height * width;
  const imageSize = channels * planeSize;
  const outputSize = backend.description.output.size;
  const scores = new Float32Array(jobs.length);
  const buffer = new Float32Array(Math.min(batchSize, jobs.length) * imageSize);
  let cachedChannel = -1;
  let cachedMask: Float32Array = new Float32Array(0);
  const upsampledMask = (channel: number): Float32Array => {
    if (channel !== cachedChannel) {
      const plane = plan.masks.subarray(channel * plan.height * plan.width, (channel + 1) * plan.height * plan.width);
      cachedMask = resizeBilinear({ height: plan.height, width: plan.width, data: plane }, height, width).data;
      cachedChannel = channel;
    }
    return cachedMask;
  };

  for (let start = 0; start < jobs.length; start += batchSize) {
    throwIfAborted(signal);
    const count = Math.min(batchSize, jobs.length - start);
    const batch = buffer.subarray(0, count * imageSize);
    for (let slot = 0; slot < count; slot += 1) {
      const job = jobs[start + slot]!;
      const image = batch.subarray(slot * imageSize, (slot + 1) * imageSize);
      if (job.kind === 'zero-input') {
        image.fill(0);
        continue;
      }
      const mask = upsampledMask(job.channel);
      for (let c = 0; c < channels; c += 1) {
        const offset = c * planeSize;
        for (let pixel = 0; pixel < planeSize; pixel += 1) {
          const weight = job.complement ? Math.fround(1 - mask[pixel]!) : mask[pixel]!;
          image[offset + pixel] = input.data[offset + pixel]! * weight;
        }
      }
    }
    const result = await backend.run({ input: { shape: [count, channels, height, width], data: batch } }, signal);
    for (let slot = 0; slot < count; slot += 1) {
      scores[start + slot] = target.score(result.output.data.subarray(slot * outputSize, (slot + 1) * outputSize));
    }
    ledger.ran(count);
  }

  const resolve = (variant: number): Float32Array =>
    Float32Array.from(sources[variant]!, (source) => (source === 'base' ? baseScore : scores[source]!));
  return {
    direct: variants.direct ? resolve(0) : undefined,
    complement: variants.complement ? resolve(wanted.length - 1) : undefined,
  };
}
