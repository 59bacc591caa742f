import type { MethodPreset } from '@polycam/core';

/**
 * The baselines that are a weighting strategy with a fusion:
 *
 * - `score-cam` and `score-cam-softmax`: Score-CAM on the last layer (see `ScoreCamStrategy`).
 * - `grad-cam` and `grad-cam++`: on the last layer; they need gradients.
 * - `layer-cam`: Layer-CAM on every `auto` layer (the layers before each change of resolution,
 *   as the Poly-CAM paper ran it), fused by `layer-cam-max`; it needs gradients.
 * - `refine-cam`: RefineCAM (arXiv 2605.14641) with Grad-CAM++ CAMs, its references' default,
 *   on every `auto` layer, fused by `refine`; it needs gradients.
 * - `refine-cam±`: RefineCAM with the gradient-free CVC weights of `pcam±` and `cam±` (our
 *   combination, not the references'), fused by `refine`; it runs on any backend.
 * - `cam+`, `cam-` and `cam±`: the Poly-CAM paper's single-layer ablation (Appendix B.1):
 *   CIC, CDC or CVC on one layer with no fusion, the last one unless `--layers` picks another.
 *   They use the `cic`, `cdc` and `cvc` strategies of `@polycam/method-polycam`'s module.
 *
 * Single-layer presets use the `single-layer` fusion, whose map is `resize(u(C), H×W)`.
 */
export const baselinePresets: readonly MethodPreset[] = [
  { id: 'score-cam', aliases: ['scorecam'], strategy: 'score-cam', fusion: 'single-layer', layers: 'last', description: 'Score-CAM (Wang et al. 2020): CIC with min-max masks on the last layer' },
  {
    id: 'score-cam-softmax',
    aliases: [],
    strategy: 'score-cam-softmax',
    fusion: 'single-layer',
    layers: 'last',
    description: "Score-CAM with torchcam's softmax over channels of the logit increase, last layer",
  },
  { id: 'grad-cam', aliases: ['gradcam'], strategy: 'grad-cam', fusion: 'single-layer', layers: 'last', description: 'Grad-CAM (Selvaraju et al. 2017) on the last layer' },
  { id: 'grad-cam++', aliases: ['gradcampp', 'gradcam++'], strategy: 'grad-cam++', fusion: 'single-layer', layers: 'last', description: 'Grad-CAM++ (Chattopadhay et al. 2018) on the last layer' },
  { id: 'layer-cam', aliases: ['layercam'], strategy: 'layer-cam', fusion: 'layer-cam-max', description: 'Layer-CAM (Jiang et al. 2021) on the auto layers, fused by max of tanh(2·C)' },
  { id: 'refine-cam', aliases: ['refinecam'], strategy: 'grad-cam++', fusion: 'refine', description: 'RefineCAM (2026) with Grad-CAM++ CAMs on the auto layers: minmax of the product of minmaxed CAMs' },
  { id: 'refine-cam±', aliases: ['refinecam-pm', 'refine-cam+-'], strategy: 'cvc', fusion: 'refine', description: 'RefineCAM with gradient-free CVC (CAM±) CAMs on the auto layers' },
  { id: 'cam+', aliases: ['camp'], strategy: 'cic', fusion: 'single-layer', layers: 'last', description: 'single-layer CAM with CIC weights (Poly-CAM ablation B.1), last layer' },
  { id: 'cam-', aliases: ['camm'], strategy: 'cdc', fusion: 'single-layer', layers: 'last', description: 'single-layer CAM with CDC weights (Poly-CAM ablation B.1), last layer' },
  { id: 'cam±', aliases: ['campm', 'cam+-'], strategy: 'cvc', fusion: 'single-layer', layers: 'last', description: 'single-layer CAM with CVC weights (Poly-CAM ablation B.1), last layer' },
];
