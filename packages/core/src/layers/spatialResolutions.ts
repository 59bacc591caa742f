import type { LayerInfo } from '../backend/LayerInfo.js';
import { isSpatialLayer } from './isSpatialLayer.js';

/**
 * The distinct spatial sizes of a model's spatial layers, in the order the layers first reach
 * them: what `--layers auto` could pick from, at most one target per size. A caller compares it
 * with {@link discoverLayers}'s result to tell when discovery stopped early (a model with five
 * resolutions and one auto layer deserves a look at `polycam layers`).
 *
 * @param layers - Every tappable layer in forward order, as a backend describes them.
 * @returns `[h, w]` pairs, one per distinct size of the `[K, h, w]` layers with `h · w > 1`.
 */
export function spatialResolutions(layers: readonly LayerInfo[]): [height: number, width: number][] {
  const seen = new Map<string, [number, number]>();
  for (const layer of layers.filter(isSpatialLayer)) {
    const [, height, width] = layer.shape as [number, number, number];
    const key = `${height}×${width}`;
    if (!seen.has(key)) {
      seen.set(key, [height, width]);
    }
  }
  return [...seen.values()];
}
