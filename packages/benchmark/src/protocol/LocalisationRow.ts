/** One method's localisation figures in {@link runLocalisation}'s report, as shares in [0, 1]. */
export interface LocalisationRow {
  /** The method, such as `PCAM± (LNorm, the default)` or `single-layer CAM± on features.9 (8×8)`. */
  readonly label: string;
  /** One-object images whose fused map (before normalisation) peaks inside the object. */
  readonly pointingGame: number;
  /** Mean share of the normalised map's sum inside the object, on one-object images. */
  readonly energyInObject: number;
  /** Two-object images: mean share of each class map's energy on its own object. */
  readonly pairsOwn: number;
  /** Two-object images: mean share on the other object. */
  readonly pairsOther: number;
  /** Two-object images: the share of class maps with more energy on their own object than on the other. */
  readonly pairsOwnWins: number;
}
