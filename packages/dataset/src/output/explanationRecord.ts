import type { ExplainResult } from '@polycam/core';

/**
 * The JSON summary of one explanation, as `polycam explain --out` writes it: the image, extra
 * details (such as the model path and the class name), the method, the class, the target, the
 * score, the layers, the pass counts, the approximation (`null` when the map is exact), the time in milliseconds and the map's size. A dataset
 * job's record holds the same fields and more.
 *
 * @param image - The explained image's path.
 * @param result - The explanation.
 * @param details - Extra fields, placed after the image.
 * @returns The summary, ready for `JSON.stringify`.
 */
export function explanationRecord(image: string, result: ExplainResult, details: Record<string, unknown>): Record<string, unknown> {
  return {
    image,
    ...details,
    method: result.method,
    class: result.classIndex,
    target: result.target,
    score: result.score,
    layers: result.layers,
    passes: result.passes,
    approximation: result.approximation ?? null,
    durationMs: Math.round(result.durationMs),
    mapSize: [result.map.height, result.map.width],
  };
}
