/** What {@link runSanity} finds, as means over the images. */
export interface SanityReport {
  /** The layers re-initialised, in the order the cascade re-initialises them (from the last). */
  readonly layers: readonly string[];
  /** Per method, in the order asked for. */
  readonly methods: readonly {
    /** The method's name. */
    readonly method: string;
    /** Mean sensitivity-max (lower is more stable). */
    readonly sensitivityMax: number;
    /** Mean Spearman correlation with the trained model's map after each cascade step, one per entry of `layers`. */
    readonly correlations: readonly number[];
  }[];
}
