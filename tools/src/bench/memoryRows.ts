import { benchMemory } from './benchMemory.js';

const MIB = 1024 * 1024;

/**
 * Measures one PCAM± map's memory on each model, each in its own fresh process, and formats the
 * figures as rows of the bench's memory table: model, tapped layers/channels, passes, the
 * activations' size, the baseline and peak resident memory, and the peak minus the baseline (all
 * in MiB).
 *
 * @param models - The models, by name, as `.onnx` bytes.
 * @returns One row per model, in order.
 */
export async function memoryRows(models: readonly { readonly name: string; readonly bytes: Uint8Array }[]): Promise<string[][]> {
  const rows: string[][] = [];
  for (const model of models) {
    process.stderr.write(`measuring the memory of one PCAM± map on ${model.name} in a fresh process...\n`);
    const figures = await benchMemory(model.bytes);
    const mib = (bytes: number): string => (bytes / MIB).toFixed(1);
    rows.push([
      model.name,
      `${figures.layers}/${figures.channels}`,
      String(figures.passesRun),
      mib(figures.activationBytes),
      mib(figures.baselineRssBytes),
      mib(figures.peakRssBytes),
      mib(figures.peakRssBytes - figures.baselineRssBytes),
    ]);
  }
  return rows;
}
