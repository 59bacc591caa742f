/**
 * One row of the benchmark table: how its map is obtained. The row explains `method` (a
 * registered preset or attribution method) on the model's layers, or on the last of them only
 * (`lastLayerOnly`, for presets whose own layers are `last`); with `fuseAgainWith`, it then fuses that
 * explanation's per-layer CAMs again with that fusion (the weights are shared with the
 * method's own row).
 */
export interface BenchmarkRow {
  /** Its name for `--methods`, such as `pcam±` or `pcam±-no-lnorm`. */
  readonly key: string;
  /** Its label in the table, such as `PCAM± without LNorm`. */
  readonly label: string;
  /** Whether it runs when no rows are named (every row of the paper's table but the attribution methods, RISE and Occlusion, which take thousands of passes per image). */
  readonly byDefault: boolean;
  /** Whether it is a row of the paper's table (`--methods all`); other registered methods, a plugin's included, run when named. */
  readonly inPaperTable: boolean;
  /** The registered method it explains with. */
  readonly method: string;
  /** Whether it explains the last of the model's layers only. */
  readonly lastLayerOnly: boolean;
  /** The id of the fusion to fuse the method's CAMs again with, for an ablation row. */
  readonly fuseAgainWith?: string;
}
