/**
 * The names of the two inputs that {@link withMaskedInput} gives a rewritten model.
 */
export const maskedInputNames = {
  /** The one image to mask, in the model's own layout. */
  image: 'polycam_image',
  /** The batch of low-resolution masks, `[N, h, w]`. */
  masks: 'polycam_masks',
} as const;
