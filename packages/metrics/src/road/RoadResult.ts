/**
 * ROAD's scores for one image and map. Each is a score after the perturbation minus the score
 * of the unperturbed image, pytorch-grad-cam's `return_diff`.
 */
export interface RoadResult {
  /** The class scored; a target's class, if it has one. */
  readonly classIndex?: number;
  /** The unperturbed image's score `s(X)`. */
  readonly baseScore: number;
  /** The percentiles, in the order given. */
  readonly percentiles: readonly number[];
  /** `s(MoRF_p(X)) − s(X)` for each percentile p: lower is better. */
  readonly mostRelevantFirst: Float32Array;
  /** `s(LeRF_p(X)) − s(X)` for each percentile p: higher is better. */
  readonly leastRelevantFirst: Float32Array;
  /** The mean of {@link RoadResult.mostRelevantFirst} (`ROADMostRelevantFirstAverage`): lower is better. */
  readonly mostRelevantFirstMean: number;
  /** The mean of {@link RoadResult.leastRelevantFirst} (`ROADLeastRelevantFirstAverage`): higher is better. */
  readonly leastRelevantFirstMean: number;
  /** `(leastRelevantFirstMean − mostRelevantFirstMean) / 2` (`ROADCombined`): higher is better. */
  readonly combined: number;
}
