// Helpers shared by the specs that run targets end to end on onnxruntime. Specs only.
import type { Explainer, ExplainRequest, ExplainResult, ModelBackend, TargetFunction } from '@polycam/core';
import { expect } from 'vitest';

/**
 * The built-in target and the brute force sum in float64 in other orders, so their float32
 * scores can differ by an ulp; the maps then differ by about 1e-7, far below the 1e-5 allowed.
 */
export const MAP_TOLERANCE = 1e-5;

/** The largest |a − b| over two arrays of one length. */
export function maxDifference(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  return a.reduce((worst, value, index) => Math.max(worst, Math.abs(value - b[index]!)), 0);
}

/** Loads a backend, runs the work on it and disposes of it. */
export async function withBackend(loading: Promise<ModelBackend>, work: (backend: ModelBackend) => Promise<void>): Promise<void> {
  const backend = await loading;
  try {
    await work(backend);
  } finally {
    await backend.dispose();
  }
}

/** Explains the request with its target and with the brute force; checks that the scores and maps agree, and returns the target's result. */
export async function expectLikeBruteForce(explainer: Explainer, request: ExplainRequest, brute: TargetFunction, scoreTolerance: number): Promise<ExplainResult> {
  const result = await explainer.explain(request);
  const bruteResult = await explainer.explain({ ...request, target: brute });
  expect(Math.abs(result.score - bruteResult.score)).toBeLessThanOrEqual(scoreTolerance);
  expect(result.map.data.some((value) => value > 0)).toBe(true);
  expect(maxDifference(result.map.data, bruteResult.map.data)).toBeLessThan(MAP_TOLERANCE);
  return result;
}

/** The same model without masked inputs: full masked images through run(). */
export function fullImagesOnly(backend: ModelBackend): ModelBackend {
  return { id: `${backend.id} (full images)`, capabilities: new Set(['forward']), description: backend.description, run: (request, signal) => backend.run(request, signal), dispose: async () => undefined };
}
