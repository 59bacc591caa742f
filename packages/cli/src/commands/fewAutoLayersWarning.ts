import { spatialResolutions, type ModelDescription } from '@polycam/core';

/** Poly-CAM fuses several resolutions; fewer auto layers than this on a deeper model is suspect. */
const FEW_LAYERS = 3;

/**
 * The one-line warning for an automatic layer choice that stopped early: fewer than three layers
 * on a model whose layers reach more spatial resolutions than were picked (an architecture whose
 * blocks the walk does not understand). It names `polycam layers`, where the user can see every
 * layer and choose with `--layers`.
 *
 * @param description - The model's description.
 * @param picked - The layers that `--layers auto` picked.
 * @returns The line to write on stderr, with its newline, or undefined when the choice is fine.
 */
export function fewAutoLayersWarning(description: ModelDescription, picked: readonly string[]): string | undefined {
  const resolutions = spatialResolutions(description.layers).length;
  if (picked.length >= FEW_LAYERS || resolutions <= picked.length) {
    return undefined;
  }
  const layers = `${picked.length} layer${picked.length === 1 ? '' : 's'}`;
  return `polycam: warning: --layers auto picked only ${layers} on a model with ${resolutions} spatial resolutions; see 'polycam layers' and choose with --layers\n`;
}
