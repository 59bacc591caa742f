import type { ExplainStage, Fusion, Map2D } from '@polycam/core';

/**
 * Fuses an explanation's per-layer CAMs again with another fusion, reusing its channel weights:
 * the stages' `cam`s, deepest first, go through `fusion`, and the shallowest fused map `P_1`
 * comes back before normalisation (`saliencyMap` turns it into the map users see).
 *
 * @param stages - The stages of an explanation, deepest first (or a single stage, for that
 *   layer's CAM alone).
 * @param fusion - The fusion to apply.
 * @returns The fused map at the shallowest stage's size.
 */
export function fuseStages(stages: readonly ExplainStage[], fusion: Fusion): Map2D {
  let fused: Map2D | undefined;
  for (const stage of stages) {
    fused = fusion.fuse(stage.cam, fused);
  }
  return fused!;
}
