import type { ScoreCamWeights } from './ScoreCamWeights.js';

/** Options of {@link ScoreCamStrategy}. */
export interface ScoreCamOptions {
  /** How scores become weights. Default `score`. */
  readonly weights?: ScoreCamWeights;
}
