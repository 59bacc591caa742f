/**
 * One merge of Ward's clustering ({@link wardMerges}): the cluster named by its lowest point
 * `drop` joins the one named by `keep` (`keep < drop`), at a cost of `cost`.
 */
export interface WardMerge {
  /** The lowest point of the cluster that stays. */
  readonly keep: number;
  /** The lowest point of the cluster that joins it. */
  readonly drop: number;
  /** What the merge adds to the mass-weighted squared distances to the centroids. */
  readonly cost: number;
}
