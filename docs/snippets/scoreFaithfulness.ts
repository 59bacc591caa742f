import type { Map2D, ModelBackend, Tensor } from '@polycam/core';
import { evaluateFaithfulness, faithfulnessCsvFiles } from '@polycam/metrics';

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
  const report = await evaluateFaithfulness(
    backend,
    images.map(({ name, input, map }) => ({ key: name, input, saliency: map })),
    { metrics: ['insertion', 'deletion', 'drop-increase'] },
  );
  // The curves' four files; the drop_increase file is left out here.
  const curveFiles = faithfulnessCsvFiles(report, `${names.model}-${names.saliency}`).filter((file) => !file.name.startsWith('drop_increase'));
  const files = new Map(curveFiles.map((file) => [file.name, file.text]));
  const { insertion, deletion, averageDrop } = report.means;
  return { insertion: insertion!, deletion: deletion!, averageDrop: averageDrop!, files };
}
