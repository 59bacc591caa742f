/**
 * The rows of `polycam benchmark`: how each map is obtained. `explain` rows run the explainer;
 * `refuse` rows reuse another row's channel weights with another fusion.
 */
export const benchmarkMethods = [
  { label: 'PCAM+', explain: { method: 'pcam+' } },
  { label: 'PCAM−', explain: { method: 'pcam-' } },
  { label: 'PCAM±', explain: { method: 'pcam±' } },
  { label: 'PCAM± without LNorm', refuse: { from: 'PCAM±', fusion: 'no-lnorm' } },
  { label: 'CAM+ (last layer)', explain: { method: 'pcam+', fusion: 'single-layer', lastLayerOnly: true } },
  { label: 'CAM− (last layer)', explain: { method: 'pcam-', fusion: 'single-layer', lastLayerOnly: true } },
  { label: 'CAM± (last layer)', explain: { method: 'pcam±', fusion: 'single-layer', lastLayerOnly: true } },
] as const;
