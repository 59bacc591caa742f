import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classTarget, seededRandom } from '@polycam/core';
import { buildTfjsLayersCnn } from '@polycam/backend-tfjs/testing';
import * as tf from '@tensorflow/tfjs-core';
import { loadLayersModel } from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModelArtifacts } from '../io/loadModelArtifacts.js';
import { activatePlatform } from '../platform/activatePlatform.js';
import { TfjsBackend } from '../TfjsBackend.js';
import { LayersModelAdapter } from './LayersModelAdapter.js';

let folder: string;
let path: string;
let adapter: LayersModelAdapter;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'polycam-tfjs-split-'));
  path = await buildTfjsLayersCnn(join(folder, 'residual'), { seed: 21, residual: true });
  await activatePlatform('cpu');
  const artifacts = await loadModelArtifacts(path);
  adapter = new LayersModelAdapter(await loadLayersModel({ load: async () => artifacts }));
});
afterAll(async () => {
  adapter.dispose();
  await rm(folder, { recursive: true, force: true });
});

function image(seed: number): tf.Tensor {
  const random = seededRandom(seed);
  return tf.tensor4d(Float32Array.from({ length: 16 * 16 * 3 }, () => random() * 2 - 1), [1, 16, 16, 3]);
}

describe('LayersModelAdapter.split on a model with a skip connection', () => {
  it('re-joins to the whole model: rest(prefix(x)) equals the output, at every layer', () => {
    tf.tidy(() => {
      const x = image(1);
      const whole = adapter.execute(x, []).output.dataSync();
      for (const layer of adapter.layers.slice(0, -1)) {
        const { activation, head } = adapter.split(x, layer.name);
        const rejoined = head!(activation).dataSync();
        whole.forEach((value, index) => expect(rejoined[index], layer.name).toBeCloseTo(value, 5));
      }
    });
  });

  it("gives the backend's gradient at relu2 (read by conv3 and by the add) as central finite differences", async () => {
    const backend = await TfjsBackend.load({ path }, { platform: 'cpu' });
    const target = classTarget(3, 'softmax', 5);
    const random = seededRandom(2);
    const nchw = tf.tidy(() => tf.transpose(image(2), [0, 3, 1, 2]).dataSync() as Float32Array);
    const { gradient } = await backend.gradients.layerGradient({ shape: [1, 3, 16, 16], data: nchw }, 'relu2', target);
    await backend.dispose();
    tf.tidy(() => {
      const { activation, head } = adapter.split(image(2), 'relu2');
      const values = activation.dataSync() as Float32Array; // [1, 8, 8, 6], channels last
      const score = (changed: Float32Array): number => target.score(head!(tf.tensor(changed, activation.shape)).dataSync() as Float32Array);
      const step = 1e-2;
      for (let trial = 0; trial < 12; trial += 1) {
        const [y, x, k] = [Math.floor(random() * 8), Math.floor(random() * 8), Math.floor(random() * 6)];
        const index = (y * 8 + x) * 6 + k;
        const up = Float32Array.from(values);
        const down = Float32Array.from(values);
        up[index] = values[index]! + step;
        down[index] = values[index]! - step;
        const numeric = (score(up) - score(down)) / (2 * step);
        expect(gradient.data[(k * 8 + y) * 8 + x]).toBeCloseTo(numeric, 4);
      }
    });
  });
});
