/**
 * What a budgeted explanation approximated (`ExplainResult.approximation`); absent when the map
 * is exact.
 */
export interface ApproximationReport {
  /** The id of the {@link PassBudgetRule} that spent the budget, such as `groups`. */
  readonly rule: string;
  /** The rule's one-line description. */
  readonly description: string;
  /** The masked passes allowed: the request's `maxPasses`, or its fraction of `exactPasses`. */
  readonly budget: number;
  /** The masked passes the exact map would have run, after its exact shortcuts. */
  readonly exactPasses: number;
  /** Each layer's share, in forward order. */
  readonly layers: readonly {
    /** The layer's tensor name. */
    readonly layer: string;
    /** Its channel count K. */
    readonly channels: number;
    /** The planes scored in place of its channels. */
    readonly probes: number;
    /** The channels that got their own, exact weight. */
    readonly exact: number;
    /** The channels that shared a probe's weight with others. */
    readonly grouped: number;
    /** The channels that got no score (a weight estimated without a pass). */
    readonly unscored: number;
  }[];
}
