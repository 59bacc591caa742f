import { join } from 'node:path';
import { seededRandom } from '@polycam/core';
import { tensor, tidy } from '@tensorflow/tfjs-core';
import { input, layers, model, type SymbolicTensor } from '@tensorflow/tfjs-layers';
import { saveModelArtifacts } from '../io/saveModelArtifacts.js';
import { activatePlatform } from '../platform/activatePlatform.js';
import type { TfjsLayersCnnOptions } from './TfjsLayersCnnOptions.js';

/**
 * Writes a small seeded TF.js LayersModel for tests: `conv1`, `relu1`, `pool1` (2×2), `conv2`,
 * `relu2`, optionally a residual block (`conv3`, `add`, `relu3`), then `gap` (global average
 * pooling) and `fc` (dense, the logits). Convolutions are 3×3 with `same` padding. The input is
 * `[size, size, 3]`, channels last.
 *
 * @param folder - Where to write `model.json` and `weights.bin`.
 * @param options - Seed, size, classes, residual block and fixed batch.
 * @returns The path of `model.json`.
 */
export async function buildTfjsLayersCnn(folder: string, options: TfjsLayersCnnOptions = {}): Promise<string> {
  const { seed = 1, size = 16, classes = 5, residual = false, fixedBatchSize } = options;
  await activatePlatform(undefined);
  const image = input(fixedBatchSize === undefined ? { shape: [size, size, 3], name: 'image' } : { batchShape: [fixedBatchSize, size, size, 3], name: 'image' });
  const apply = (layer: { apply: (input: SymbolicTensor | SymbolicTensor[]) => unknown }, value: SymbolicTensor | SymbolicTensor[]): SymbolicTensor =>
    layer.apply(value) as SymbolicTensor;
  let x = apply(layers.conv2d({ name: 'conv1', filters: 4, kernelSize: 3, padding: 'same' }), image);
  x = apply(layers.reLU({ name: 'relu1' }), x);
  x = apply(layers.maxPooling2d({ name: 'pool1', poolSize: 2 }), x);
  x = apply(layers.conv2d({ name: 'conv2', filters: 6, kernelSize: 3, padding: 'same' }), x);
  x = apply(layers.reLU({ name: 'relu2' }), x);
  if (residual) {
    const branch = apply(layers.conv2d({ name: 'conv3', filters: 6, kernelSize: 3, padding: 'same' }), x);
    x = apply(layers.add({ name: 'add' }), [x, branch]);
    x = apply(layers.reLU({ name: 'relu3' }), x);
  }
  x = apply(layers.globalAveragePooling2d({ name: 'gap' }), x);
  const logits = apply(layers.dense({ name: 'fc', units: classes }), x);
  const built = model({ inputs: image, outputs: logits });
  const random = seededRandom(seed);
  tidy(() => {
    for (const layer of built.layers) {
      if (layer.weights.length === 0) continue;
      layer.setWeights(
        layer.weights.map((weight) => {
          const shape = weight.shape as number[];
          const count = shape.reduce((product, axis) => product * axis, 1);
          return tensor(Float32Array.from({ length: count }, () => random() - 0.5), shape);
        }),
      );
    }
  });
  await built.save(saveModelArtifacts(folder));
  built.dispose();
  return join(folder, 'model.json');
}
