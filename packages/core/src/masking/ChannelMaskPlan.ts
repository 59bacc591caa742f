import type { MaskKind } from './MaskKind.js';

/**
 * One layer's channel masks at the layer's own resolution, `u(A^k)`, with what the shortcuts
 * need to know about them.
 */
export interface ChannelMaskPlan {
  /** The number of channels K. */
  readonly channels: number;
  /** The layer's height h. */
  readonly height: number;
  /** The layer's width w. */
  readonly width: number;
  /** The K normalised masks, `[K, h, w]`, values in [0, 1]. */
  readonly masks: Float32Array;
  /** Each channel's kind. */
  readonly kinds: readonly MaskKind[];
  /** For each channel, the first channel whose mask is identical to it (itself if none). */
  readonly representative: Int32Array;
}
