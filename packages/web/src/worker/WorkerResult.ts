/** A finished explanation as the worker sends it to the page: the maps and their bookkeeping. */
export interface WorkerResult {
  /** The final map, `height × width`, in [0, 1]. */
  readonly map: Float32Array;
  /** The map's height (the input's). */
  readonly height: number;
  /** The map's width (the input's). */
  readonly width: number;
  /** Each stage's map at the input's size, in forward order (shallow to deep). */
  readonly stages: readonly { readonly layer: string; readonly map: Float32Array }[];
  /** The explained class. */
  readonly classIndex: number | undefined;
  /** `s(X)`. */
  readonly score: number;
  /** Passes run and evaluations saved. */
  readonly passes: { readonly run: number; readonly saved: number };
  /** The method's canonical id. */
  readonly method: string;
  /** The layers fused, in forward order. */
  readonly layers: readonly string[];
  /** Milliseconds the explanation took in the worker. */
  readonly durationMs: number;
}
