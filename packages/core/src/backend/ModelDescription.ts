import type { InputLayout } from './InputLayout.js';
import type { LayerInfo } from './LayerInfo.js';

/**
 * What a loaded model looks like from the outside: its image input, its output vector and every
 * layer that can be tapped, in forward order.
 */
export interface ModelDescription {
  /** The image input. */
  readonly input: {
    /** The runtime's name for the input. */
    readonly name: string;
    /** Channels, height and width of one image (`[C, H, W]`), whatever the layout. */
    readonly shape: readonly [number, number, number];
    /** How the runtime lays the input out in memory. */
    readonly layout: InputLayout;
    /** The batch size the model accepts, or `undefined` when the batch axis is dynamic. */
    readonly fixedBatchSize: number | undefined;
  };
  /** The output whose values a target scores (a vector for a classifier, any shape otherwise). */
  readonly output: {
    /** The runtime's name for the output. */
    readonly name: string;
    /**
     * Its per-image shape, without the batch axis: `[K]` for a classifier, `[C, H, W]` for a
     * segmentation head, `[B, 4 + K]` for boxes. A target reads each image's output row-major
     * over it.
     */
    readonly shape: readonly number[];
    /** Its number of entries per image, the product of `shape` (`K` for a classifier). */
    readonly size: number;
  };
  /** Every tappable tensor in forward (topological) order, with its per-image shape. */
  readonly layers: readonly LayerInfo[];
}
