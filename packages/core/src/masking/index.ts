/**
 * Channel masks and their scores, for weighting strategies that weigh each channel by the score
 * of the image under its mask (Poly-CAM's CIC, CDC and CVC, Score-CAM): plan a layer's masks,
 * then score the masked images with the exact shortcuts. Import from `@polycam/core/masking`.
 *
 * @packageDocumentation
 */
export type { ChannelMaskPlan } from './ChannelMaskPlan.js';
export type { ChannelMaskScores } from './ChannelMaskScores.js';
export type { MaskKind } from './MaskKind.js';
export type { MaskVariants } from './MaskVariants.js';
export { countChannelMaskPasses } from './countChannelMaskPasses.js';
export { planChannelMasks } from './planChannelMasks.js';
export { scoreChannelMasks } from './scoreChannelMasks.js';
