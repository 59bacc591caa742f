import { type Explainer, type ModelBackend, type Tensor } from '@polycam/core';
import { measure } from './measure.js';
import { median } from './median.js';

/** One runtime's figures in {@link benchRuntimes}. */
export interface RuntimeBenchResult {
  /** The runtime's label, such as `tfjs on wasm`. */
  readonly runtime: string;
  /** Median milliseconds per PCAM± map. */
  readonly msPerMap: number;
  /** Median of the per-repetition ratios to the reference runtime's time on the same image. */
  readonly ratio: number;
}

/** A loaded runtime to compare, with the names it gives the layers to fuse. */
export interface BenchRuntime {
  /** Its label. */
  readonly runtime: string;
  /** The model loaded on it. */
  readonly backend: ModelBackend;
  /** The layers to fuse, by this runtime's names. */
  readonly layers: readonly string[];
}

/**
 * Times PCAM± maps of one image on several runtimes that hold the same model, side by side:
 * each repetition explains the image once on every runtime in turn, and each runtime's time is
 * divided by the first runtime's time in that same repetition.
 *
 * @param explainer - An explainer with the Poly-CAM presets.
 * @param runtimes - The runtimes; the first is the reference (ratio 1).
 * @param input - The preprocessed image, `[1, C, H, W]`.
 * @param repetitions - How many side-by-side repetitions.
 * @returns One result per runtime, in order.
 */
export async function benchRuntimes(
  explainer: Explainer,
  runtimes: readonly BenchRuntime[],
  input: Tensor,
  repetitions: number,
): Promise<RuntimeBenchResult[]> {
  const explain = (runtime: BenchRuntime) => explainer.explain({ backend: runtime.backend, input, method: 'pcam±', layers: runtime.layers });
  for (const runtime of runtimes) {
    await explain(runtime); // warm up: sessions, sub-models and WASM start lazily
  }
  const times = runtimes.map(() => [] as number[]);
  for (let repetition = 0; repetition < repetitions; repetition += 1) {
    for (const [index, runtime] of runtimes.entries()) {
      times[index]!.push((await measure(() => explain(runtime))).ms);
    }
  }
  return runtimes.map((runtime, index) => ({
    runtime: runtime.runtime,
    msPerMap: median(times[index]!),
    ratio: median(times[index]!.map((ms, repetition) => ms / times[0]![repetition]!)),
  }));
}
