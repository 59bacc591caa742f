import type { LocalisationRow } from './LocalisationRow.js';

/** What {@link runLocalisation} measures. */
export interface LocalisationReport {
  /** The one-object images. */
  readonly singles: number;
  /** The class maps on two-object images (two per image). */
  readonly pairMaps: number;
  /** The explanations computed. */
  readonly explanations: number;
  /**
   * The objects left out because their target could not be bound on their image (with a
   * `targetOf` target: a segmentation class predicted nowhere); 0 for the class target.
   */
  readonly unbound: number;
  /** One row per method: PCAM±, PCAM± without LNorm, then single-layer CAM± per layer, deepest first. */
  readonly rows: readonly LocalisationRow[];
}
