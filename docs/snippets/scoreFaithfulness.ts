import type { Map2D, ModelBackend, Tensor } from '@polycam/core';
import { averageDropIncrease, deletion, formatMetricCsv, insertion } from '@polycam/metrics';

/**
 * Scores saliency maps with the paper's faithfulness protocol (insertion and deletion, 224
 * steps, the blur baseline, the predicted class) and Grad-CAM++'s average drop, and returns the
 * CSV files that the authors' evaluation code writes, keyed by file name.
 *
 * @param backend - The model the maps explain.
 * @param images - Each image's file name, preprocessed input and map.
 * @param names - The model and saliency parts of the CSV file names.
 * @returns The mean AUCs and the CSV files' text.
 */
export async function scoreFaithfulness(
  backend: ModelBackend,
  images: readonly { name: string; input: Tensor; map: Map2D }[],
  names: { model: string; saliency: string },
): Promise<{ insertion: number; deletion: number; averageDrop: number; files: Map<string, string> }> {
  const aucs = { ins: new Map<string, number[]>(), del: new Map<string, number[]>() };
  const details = { ins: new Map<string, Float32Array>(), del: new Map<string, Float32Array>() };
  let drop = 0;
  for (const { name, input, map } of images) {
    const inserted = await insertion(backend, input, map);
    const deleted = await deletion(backend, input, map, { classIndex: inserted.classIndex });
    aucs.ins.set(name, [inserted.auc]);
    aucs.del.set(name, [deleted.auc]);
    details.ins.set(name, inserted.scores);
    details.del.set(name, deleted.scores);
    drop += (await averageDropIncrease(backend, input, map)).drop / images.length;
  }
  const mean = (rows: Map<string, number[]>): number => [...rows.values()].reduce((sum, [auc]) => sum + auc!, 0) / rows.size;
  const suffix = `${names.model}-${names.saliency}`;
  const files = new Map<string, string>();
  for (const kind of ['ins', 'del'] as const) {
    files.set(`${kind}_auc_${suffix}.csv`, formatMetricCsv(aucs[kind]));
    files.set(`${kind}_details_${suffix}.csv`, formatMetricCsv(details[kind]));
  }
  return { insertion: mean(aucs.ins), deletion: mean(aucs.del), averageDrop: drop, files };
}
