import type { ApproximationReport } from '../budget/ApproximationReport.js';
import type { Map2D } from '../tensor/Map2D.js';

/**
 * One fusion stage: the saliency after fusing from the deepest layer down to this one. An
 * explanation lists its stages in forward order, like its layers; the fusion runs the other
 * way, from the deepest stage to the shallowest.
 */
export interface ExplainStage {
  /** The layer's tensor name. */
  readonly layer: string;
  /** `resize(u(P_l), H×W)`, or the fusion's own stage map: the stage's map at the input's
   * size, in [0, 1]. */
  readonly map: Map2D;
  /** The layer's rectified CAM `C_l` at the layer's own size, before fusion. */
  readonly cam: Map2D;
  /** The fused map `P_l` at the layer's own size (at the input's for a fusion at the input's
   * resolution, such as RefineCAM's), before normalisation: `map` is
   * `stageMapOf(fusion, fused, H, W)`. */
  readonly fused: Map2D;
  /**
   * The weights the strategy gave this layer: K channel weights, or K·h·w element weights for
   * an `element`-granularity strategy; empty for a pixel-attribution method's stage.
   */
  readonly weights: Float32Array;
}

/**
 * The work an explanation took. A *pass* is one image through the model; an *evaluation* is
 * one score a plugin planned, answered either by a pass (run) or by an exact shortcut (saved).
 * The planned evaluations (`ExplainStartedEvent.total`) are `run - 1 + saved`: they exclude the
 * unmasked pass, which `run` includes.
 */
export interface PassCount {
  /** Passes run: every image that went through the model, the unmasked one included. */
  readonly run: number;
  /** Evaluations saved: answered exactly by a shortcut, without a pass. */
  readonly saved: number;
}

/**
 * A finished explanation.
 */
export interface ExplainResult {
  /** The final saliency map at the input's size (H×W), in [0, 1]. */
  readonly map: Map2D;
  /**
   * Every stage, in forward order like `layers`: `stages[i].layer === layers[i]`. The fusion
   * runs from the last (deepest) stage to the first, so the first stage's map is `map`. A
   * pixel-attribution method has one stage, named after the model's input.
   */
  readonly stages: readonly ExplainStage[];
  /** The explained class, when the target is a class. */
  readonly classIndex: number | undefined;
  /** The target score of the unmasked input, `s(X)`. */
  readonly score: number;
  /** The target's description, such as `softmax[3]`. */
  readonly target: string;
  /** The layers used, in forward order (shallow to deep); empty for an attribution method. */
  readonly layers: readonly string[];
  /**
   * The method that ran: the preset id and the strategy and fusion ids; for an attribution
   * method, its id as preset and strategy, and fusion `none`.
   */
  readonly method: {
    /** The preset's canonical id, such as `pcam±`. */
    readonly preset: string;
    /** The weighting strategy's id, such as `cvc`. */
    readonly strategy: string;
    /** The fusion's id, such as `lnorm`. */
    readonly fusion: string;
  };
  /** The passes run (the unmasked one included) and the evaluations saved. */
  readonly passes: PassCount;
  /**
   * How the map was approximated to fit `ExplainRequest.maxPasses`: the rule, the budget, the
   * exact count and each layer's share. Undefined when the map is exact (no budget, or a budget
   * at least the exact count).
   */
  readonly approximation: ApproximationReport | undefined;
  /** Wall-clock milliseconds the explanation took. */
  readonly durationMs: number;
}
