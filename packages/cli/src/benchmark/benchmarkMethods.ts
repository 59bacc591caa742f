/**
 * The rows of `polycam benchmark`: how each map is obtained. `explain` rows run the explainer
 * (on the model's recommended layers, or only the last one with `lastLayerOnly`; methods with
 * their own layers, such as RISE, ignore them); `refuse` rows reuse another row's channel
 * weights with another fusion. Each row has a `key` for `--methods`; the rows with
 * `byDefault: false` (RISE's 4000 and Occlusion's hundreds of passes per image) run only when
 * asked for. A row whose method needs what the backend lacks (Grad-CAM and the like on ONNX)
 * is skipped with a note.
 */
export const benchmarkMethods = [
  { key: 'pcam+', label: 'PCAM+', byDefault: true, explain: { method: 'pcam+' } },
  { key: 'pcam-', label: 'PCAM−', byDefault: true, explain: { method: 'pcam-' } },
  { key: 'pcam±', label: 'PCAM±', byDefault: true, explain: { method: 'pcam±' } },
  { key: 'pcam±-no-lnorm', label: 'PCAM± without LNorm', byDefault: true, refuse: { from: 'PCAM±', fusion: 'no-lnorm' } },
  { key: 'cam+', label: 'CAM+ (last layer)', byDefault: true, explain: { method: 'pcam+', fusion: 'single-layer', lastLayerOnly: true } },
  { key: 'cam-', label: 'CAM− (last layer)', byDefault: true, explain: { method: 'pcam-', fusion: 'single-layer', lastLayerOnly: true } },
  { key: 'cam±', label: 'CAM± (last layer)', byDefault: true, explain: { method: 'pcam±', fusion: 'single-layer', lastLayerOnly: true } },
  { key: 'score-cam', label: 'Score-CAM (last layer)', byDefault: true, explain: { method: 'score-cam', lastLayerOnly: true } },
  { key: 'grad-cam', label: 'Grad-CAM (last layer)', byDefault: true, explain: { method: 'grad-cam', lastLayerOnly: true } },
  { key: 'grad-cam++', label: 'Grad-CAM++ (last layer)', byDefault: true, explain: { method: 'grad-cam++', lastLayerOnly: true } },
  { key: 'layer-cam', label: 'Layer-CAM', byDefault: true, explain: { method: 'layer-cam' } },
  { key: 'rise', label: 'RISE (4000 masks)', byDefault: false, explain: { method: 'rise' } },
  { key: 'occlusion', label: 'Occlusion', byDefault: false, explain: { method: 'occlusion' } },
] as const;
