/**
 * A decoded 8-bit image, interleaved (height × width × channels), as image libraries return it.
 */
export interface ImagePixels {
  /** Rows. */
  readonly height: number;
  /** Columns. */
  readonly width: number;
  /** Values per pixel: 1 (grey) or 3 (RGB). */
  readonly channels: number;
  /** `height × width × channels` bytes, row-major, channels interleaved. */
  readonly data: Uint8Array;
}
