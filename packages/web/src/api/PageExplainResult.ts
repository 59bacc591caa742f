/** What `window.polycam.explain()` resolves to: the final map and what the explanation found. */
export interface PageExplainResult {
  /** The map's width: the model's input width. */
  readonly width: number;
  /** The map's height: the model's input height. */
  readonly height: number;
  /** The map, row by row (`map[y * width + x]`), in [0, 1]: what `polycam explain --npz` writes. */
  readonly map: number[];
  /** The explained class. */
  readonly classIndex: number | undefined;
  /** The class's softmax score on the unmasked image. */
  readonly score: number;
  /** Passes run (the unmasked one included) and evaluations saved by exact shortcuts, as `polycam explain --out` records them. */
  readonly passes: {
    /** Passes run, the unmasked one included. */
    readonly run: number;
    /** Evaluations answered by an exact shortcut, without a pass. */
    readonly saved: number;
  };
  /** The method that ran, by its canonical id. */
  readonly method: string;
  /** The layers fused, in forward order; empty for a pixel-attribution method. */
  readonly layers: readonly string[];
  /** Milliseconds the explanation took in the worker (the model's passes and the fusion; not the fetches). */
  readonly durationMs: number;
}
