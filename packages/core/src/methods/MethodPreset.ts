import type { LayerSelection } from '../layers/LayerSelection.js';

/**
 * A named method: a weighting strategy paired with a fusion, such as `pcam±` (CVC with LNorm),
 * and optionally the layers it explains by default, such as `last` for Grad-CAM. Presets are
 * what users pick with `--method`.
 */
export interface MethodPreset {
  /** The canonical id, such as `pcam±`. */
  readonly id: string;
  /** Other accepted names, such as the ASCII `pcampm`. */
  readonly aliases: readonly string[];
  /** The id of the weighting strategy. */
  readonly strategy: string;
  /** The id of the fusion. */
  readonly fusion: string;
  /** One line on what it is. */
  readonly description: string;
  /**
   * The layers it explains when the request names none. Default `auto`. A request's own
   * `layers` always wins.
   */
  readonly layers?: LayerSelection;
}
