/**
 * The numeric kernels on `Float32Array` maps and tensors that the explain pipeline, the fusions
 * and the metrics are built from: bilinear resizing (with or without antialiasing, as PyTorch's
 * `interpolate` and torchvision's resize), ReLU, the channel and element weighted sums that make
 * a CAM, LNorm, the min-max and percentile normalisation of a saliency map, and the Gaussian
 * blur of the blurred-image baseline, the jet colormap of the overlays, and the softmax of a class
 * score. Import from `@polycam/core/kernels`.
 *
 * @packageDocumentation
 */
export { gaussianBlur } from './gaussianBlur.js';
export { jetColor } from './jetColor.js';
export { localNormalize } from './localNormalize.js';
export { normalizeMap } from './normalizeMap.js';
export { percentiles } from './percentiles.js';
export { relu } from './relu.js';
export { resizeBilinear } from './resizeBilinear.js';
export { resizeBilinearAntialiased } from './resizeBilinearAntialiased.js';
export { saliencyMap } from './saliencyMap.js';
export { softmax } from './softmax.js';
export { weightedChannelSum } from './weightedChannelSum.js';
export { weightedElementSum } from './weightedElementSum.js';
