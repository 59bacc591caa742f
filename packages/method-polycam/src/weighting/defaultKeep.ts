/**
 * The number of channels per layer that {@link FasterPolycamStrategy} scores by default.
 */
export const defaultKeep = 16;
