import type { BackendCapability, Explainer, ModelBackend } from '@polycam/core';
import type { BenchmarkRow } from './BenchmarkRow.js';

/**
 * Splits the rows into those the backend can run and those whose method needs a capability it
 * lacks (Grad-CAM and the like on ONNX Runtime, which has no gradients).
 *
 * @param rows - The selected rows.
 * @param explainer - The explainer that runs them.
 * @param backend - The model they would run on.
 * @returns The runnable rows, and the others with what they lack.
 */
export function partitionBenchmarkRows(
  rows: readonly BenchmarkRow[],
  explainer: Explainer,
  backend: ModelBackend,
): {
  /** The rows the backend can run, in the given order. */
  runnable: BenchmarkRow[];
  /** The others, each with the capabilities its method needs and the backend lacks. */
  skipped: {
    /** The row. */
    row: BenchmarkRow;
    /** What it lacks. */
    lacking: BackendCapability[];
  }[];
} {
  const runnable: BenchmarkRow[] = [];
  const skipped: { row: BenchmarkRow; lacking: BackendCapability[] }[] = [];
  for (const row of rows) {
    const lacking = explainer.method(row.method).requires.filter((capability) => !backend.capabilities.has(capability));
    if (lacking.length === 0) runnable.push(row);
    else skipped.push({ row, lacking });
  }
  return { runnable, skipped };
}
