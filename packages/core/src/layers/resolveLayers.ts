import type { ModelDescription } from '../backend/ModelDescription.js';
import { PolycamError } from '../errors/PolycamError.js';
import { discoverLayers } from './discoverLayers.js';
import { isSpatialLayer } from './isSpatialLayer.js';
import type { LayerSelection } from './LayerSelection.js';
import { nearestNames } from './nearestNames.js';

/**
 * Turns a layer selection into the tensor names to tap, in forward order (shallow to deep).
 * `auto` runs {@link discoverLayers} and `last` keeps the deepest layer it finds; an explicit
 * list accepts tensor names and node names.
 *
 * @param description - The loaded model's description.
 * @param selection - `auto`, `last` or a list of names.
 * @returns At least one spatial layer's tensor name, in forward order, without duplicates.
 * @throws {@link PolycamError} `no-spatial-layer` when the model has nothing to explain,
 *   `unknown-layer` for a name that does not exist (the message lists the nearest that do),
 *   `invalid-argument` for an empty list or a layer that is not spatial.
 */
export function resolveLayers(description: ModelDescription, selection: LayerSelection): string[] {
  const layers = description.layers;
  if (!layers.some(isSpatialLayer)) {
    throw new PolycamError(
      'no-spatial-layer',
      'the model has no spatial layer (no [K,h,w] activation) to explain',
    );
  }
  if (selection === 'auto') {
    return discoverLayers(layers);
  }
  if (selection === 'last') {
    return discoverLayers(layers).slice(-1);
  }
  if (selection.length === 0) {
    throw new PolycamError('invalid-argument', 'the layer list is empty; give names or "auto"');
  }
  const order = new Map(layers.map((layer, index) => [layer.name, index]));
  const chosen = new Set<number>();
  for (const requested of selection) {
    const index =
      order.get(requested) ?? layers.findIndex((layer) => layer.node === requested);
    if (index === undefined || index < 0) {
      const spatialNames = layers.filter(isSpatialLayer).map((layer) => layer.name);
      throw new PolycamError(
        'unknown-layer',
        `layer '${requested}' does not exist; nearest: ${nearestNames(requested, spatialNames).join(', ')}`,
      );
    }
    const layer = layers[index]!;
    if (!isSpatialLayer(layer)) {
      throw new PolycamError(
        'invalid-argument',
        `layer '${requested}' is not spatial (shape [${layer.shape.join(',')}]); Poly-CAM needs [K,h,w] layers`,
      );
    }
    chosen.add(index);
  }
  return [...chosen].sort((a, b) => a - b).map((index) => layers[index]!.name);
}
