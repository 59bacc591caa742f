import type { LayerInfo } from '../backend/LayerInfo.js';
import { isSpatialLayer } from './isSpatialLayer.js';

function sameSpatialSize(a: readonly number[], b: readonly number[]): boolean {
  const first = a.slice(1);
  const second = b.slice(1);
  return first.length === second.length && first.every((size, axis) => size === second[axis]);
}

/** A `[K]` vector right after a `[K, h, w]` map is a global pool: a 1×1 output without its axes. */
function isGlobalPool(previous: readonly number[], next: readonly number[]): boolean {
  return previous.length === 3 && next.length === 1 && next[0] === previous[0];
}

/** True for a layer that holds no spatial map: a `[K, 1, 1]` or a vector, as a pool writes. */
function isPooled(shape: readonly number[]): boolean {
  return shape.length !== 3 || shape[1]! * shape[2]! === 1;
}

/**
 * When `layers[start]` pools the map `previous` to `[K, 1, 1]` or `[K]`, and the layers after it
 * stay pooled until one of exactly `previous`'s shape comes back (the pooled vector, through a
 * small MLP and a gate, rescales the same map), that branch is channel attention: the
 * squeeze-and-excitation of MobileNetV3 and EfficientNet. Returns the index of the layer that
 * comes back, or -1 when `layers[start]` is not such a branch.
 */
function channelAttentionEnd(layers: readonly LayerInfo[], start: number, previous: readonly number[]): number {
  const pool = layers[start]!.shape;
  if (previous.length !== 3 || !isPooled(pool) || pool[0] !== previous[0]) {
    return -1;
  }
  for (let index = start + 1; index < layers.length; index += 1) {
    const shape = layers[index]!.shape;
    if (!isPooled(shape)) {
      return shape.join() === previous.join() ? index : -1;
    }
  }
  return -1;
}

/**
 * Poly-CAM's automatic target-layer discovery (METHOD.md, as the authors' `find_layer_list`):
 * walk the layers in forward order, skipping the very first; whenever the spatial size changes,
 * the layer just before the change is a target. Stop at the first output whose rank differs
 * (a flatten), or right after taking the layer that precedes a 1×1 output. A global pool that
 * drops the 1×1 axes (TF.js and Keras's `GlobalAveragePooling2D`, whose `[K]` output follows a
 * `[K, h, w]` map) counts as a 1×1 output, so that a model gets the same targets in either
 * runtime.
 *
 * On VGG16 this gives the ReLUs after conv1_2, conv2_2, conv3_3, conv4_3 and conv5_3.
 *
 * Beyond the authors' rule, the walk steps over channel-attention branches: a pool to
 * `[K, 1, 1]` (or `[K]`) of the current `[K, h, w]` map, followed only by pooled layers (a small
 * MLP and its gate) until a layer of the map's very shape comes back (the map rescaled by the
 * gate), as in the squeeze-and-excitation blocks of MobileNetV3 and EfficientNet. That pool is
 * no end of the network, so the walk goes on from the rescaled map. VGG and ResNet have no such
 * branch: their global pool leads only to the classifier, and they keep the authors' targets.
 *
 * Also beyond the authors' rule: when the walk finds nothing but the model has spatial layers (its
 * size never changes before a flatten), the last spatial layer is returned, so that a single-
 * layer explanation is still possible.
 *
 * @param layers - Every tappable layer in forward order, as a backend describes them.
 * @returns The target layers' names in forward order (shallow to deep); empty when the model has
 *   no spatial layer.
 */
export function discoverLayers(layers: readonly LayerInfo[]): string[] {
  const targets: string[] = [];
  const first = layers[0];
  if (first !== undefined) {
    let previous = first;
    for (let index = 1; index < layers.length; index += 1) {
      const end = channelAttentionEnd(layers, index, previous.shape);
      if (end > 0) {
        index = end - 1;
        continue;
      }
      const layer = layers[index]!;
      if (!sameSpatialSize(layer.shape, previous.shape)) {
        if (layer.shape.length !== previous.shape.length) {
          if (isGlobalPool(previous.shape, layer.shape)) {
            targets.push(previous.name);
          }
          break;
        }
        targets.push(previous.name);
        const [height, width] = layer.shape.slice(-2);
        if (height === 1 && width === 1) {
          break;
        }
      }
      previous = layer;
    }
  }
  const spatialTargets = targets.filter((name) =>
    layers.some((layer) => layer.name === name && isSpatialLayer(layer)),
  );
  if (spatialTargets.length > 0) {
    return spatialTargets;
  }
  const lastSpatial = layers.filter(isSpatialLayer).at(-1);
  return lastSpatial === undefined ? [] : [lastSpatial.name];
}
