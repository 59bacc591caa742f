import type { GradientScore } from './GradientScore.js';

/** Options of the gradient strategies (Grad-CAM, Grad-CAM++, Layer-CAM). */
export interface GradientStrategyOptions {
  /** Which score to differentiate. Default `logit`, as the methods' papers define it. */
  readonly score?: GradientScore;
}
