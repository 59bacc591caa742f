/**
 * The names of the inputs that {@link withMaskedInput} gives a rewritten model.
 */
export const maskedInputNames = {
  /** The one image to mask, in the model's own layout. */
  image: 'polycam_image',
  /** The batch of low-resolution masks, `[N, h, w]`. */
  masks: 'polycam_masks',
  /** The bilinear interpolation matrix of the height, `[H, h]`. */
  rows: 'polycam_rows',
  /** The transposed bilinear interpolation matrix of the width, `[w, W]`. */
  columns: 'polycam_columns',
} as const;
