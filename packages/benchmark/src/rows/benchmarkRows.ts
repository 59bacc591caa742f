import type { Explainer } from '@polycam/core';
import type { BenchmarkRow } from './BenchmarkRow.js';

/** The paper's Table 1 and its baselines, in order: row keys and labels. */
const paperTable: readonly (readonly [key: string, label: string])[] = [
  ['pcam+', 'PCAM+'],
  ['pcam-', 'PCAM−'],
  ['pcam±', 'PCAM±'],
  ['pcam±-no-lnorm', 'PCAM± without LNorm'],
  ['cam+', 'CAM+ (last layer)'],
  ['cam-', 'CAM− (last layer)'],
  ['cam±', 'CAM± (last layer)'],
  ['score-cam', 'Score-CAM (last layer)'],
  ['grad-cam', 'Grad-CAM (last layer)'],
  ['grad-cam++', 'Grad-CAM++ (last layer)'],
  ['layer-cam', 'Layer-CAM'],
  ['rise', 'RISE (4000 masks)'],
  ['occlusion', 'Occlusion'],
];

/** The ablations the table re-fuses: a preset's CAMs fused again with another fusion. */
const paperRefusions: readonly { readonly preset: string; readonly fusion: string }[] = [{ preset: 'pcam±', fusion: 'no-lnorm' }];

/**
 * The rows `polycam benchmark` can run, derived from what the explainer has registered: one per
 * registered method (a preset with `layers: 'last'` explains the last layer only), plus the
 * re-fused ablations (PCAM± without LNorm) whose preset and fusion are registered. The paper's
 * rows come first, in its order and with its labels; every other registered method (a plugin's
 * preset, `score-cam-softmax`) follows under its id, run only when named.
 *
 * @param explainer - The explainer whose methods and fusions to benchmark.
 * @returns The rows, in table order.
 */
export function benchmarkRows(explainer: Explainer): BenchmarkRow[] {
  const presets = new Map(explainer.presets().map((preset) => [preset.id, preset]));
  const fusions = new Set(explainer.fusions().map((fusion) => fusion.id));
  const candidates: Omit<BenchmarkRow, 'label' | 'byDefault' | 'inPaperTable'>[] = [];
  for (const method of explainer.methods()) {
    candidates.push({ key: method.id, method: method.id, lastLayerOnly: presets.get(method.id)?.layers === 'last' });
  }
  for (const { preset, fusion } of paperRefusions) {
    if (presets.has(preset) && fusions.has(fusion)) {
      candidates.push({ key: `${preset}-${fusion}`, method: preset, lastLayerOnly: false, fuseAgainWith: fusion });
    }
  }
  const kinds = new Map(explainer.methods().map((method) => [method.id, method.kind]));
  const position = (key: string): number => {
    const index = paperTable.findIndex(([known]) => known === key);
    return index < 0 ? paperTable.length : index;
  };
  return candidates
    .map((row) => {
      const listed = paperTable.find(([key]) => key === row.key);
      const label = listed?.[1] ?? (row.lastLayerOnly ? `${row.key} (last layer)` : row.key);
      const byDefault = listed !== undefined && kinds.get(row.method) === 'preset';
      return { ...row, label, byDefault, inPaperTable: listed !== undefined };
    })
    .sort((a, b) => position(a.key) - position(b.key));
}
