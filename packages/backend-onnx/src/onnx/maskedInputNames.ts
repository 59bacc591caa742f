/**
 * The names of the two inputs that {@link withMaskedInput} gives a rewritten model.
 */
export const maskedInputNames = { image: 'polycam_image', masks: 'polycam_masks' } as const;
