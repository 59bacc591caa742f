import type { ExplainResult, ExplainStage } from './ExplainResult.js';

/** Emitted once the unmasked pass has run: what will be explained and how much work it is. */
export interface ExplainStartedEvent {
  /** The event's kind: `started`. */
  readonly type: 'started';
  /** The layers to fuse, in forward order. */
  readonly layers: readonly string[];
  /** The explained class, for a class, segmentation or detection target (the target's `classIndex`); undefined for an embedding or a custom target without one. */
  readonly classIndex: number | undefined;
  /** `s(X)`. */
  readonly score: number;
  /**
   * The planned evaluations, the denominator of progress events: every score the plugins will
   * need, each answered by a pass or saved by a shortcut. The unmasked pass, already run, is
   * not one of them (the result's `passes.run` counts it).
   */
  readonly total: number;
}

/** Emitted as evaluations complete, each run as a pass or saved. */
export interface ExplainProgressEvent {
  /** The event's kind: `progress`. */
  readonly type: 'progress';
  /** Evaluations done so far. */
  readonly done: number;
  /** All planned evaluations. */
  readonly total: number;
}

/**
 * Emitted when a layer is weighed and fused. The events come in fusion order, deepest first,
 * so with L layers their indexes run L-1 down to 0.
 */
export interface ExplainLayerEvent {
  /** The event's kind: `layer`. */
  readonly type: 'layer';
  /** This stage's position in forward order: the result's `stages[index]`, for `layers[index]`. */
  readonly index: number;
  /** The stage: the layer, its CAM, its weights and the fused map so far. */
  readonly stage: ExplainStage;
}

/** Emitted last, with the finished explanation. */
export interface ExplainResultEvent {
  /** The event's kind: `result`. */
  readonly type: 'result';
  /** The explanation. */
  readonly result: ExplainResult;
}

/**
 * The typed events of `Explainer.explain$()`, in order: `started`, then `progress` and `layer`
 * events interleaved, then one `result`.
 */
export type ExplainEvent =
  | ExplainStartedEvent
  | ExplainProgressEvent
  | ExplainLayerEvent
  | ExplainResultEvent;
