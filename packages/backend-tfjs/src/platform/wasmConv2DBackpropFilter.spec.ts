import { seededRandom } from '@polycam/core';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { activatePlatform } from './activatePlatform.js';

type Pad = 'same' | 'valid' | number;

async function filterGradient(platform: 'wasm' | 'cpu', x: Float32Array, xShape: number[], dy: Float32Array, dyShape: number[], filterShape: number[], strides: [number, number], pad: Pad): Promise<Float32Array> {
  await activatePlatform(platform);
  return tf.tidy(() => {
    const result = tf.engine().runKernel(
      'Conv2DBackpropFilter',
      { x: tf.tensor(x, xShape), dy: tf.tensor(dy, dyShape) },
      { strides, pad, dataFormat: 'NHWC', filterShape },
    ) as tf.Tensor;
    expect(result.shape).toEqual(filterShape);
    return result.dataSync() as Float32Array;
  });
}

describe('Conv2DBackpropFilter on the WASM platform', () => {
  beforeAll(() => activatePlatform('wasm'));

  // [batch, height, width, in, out, kernel height, kernel width, strides, padding]
  const cases: [number, number, number, number, number, number, number, [number, number], Pad][] = [
    [1, 8, 8, 3, 4, 3, 3, [1, 1], 'same'],
    [2, 7, 9, 2, 5, 3, 3, [1, 1], 'valid'],
    [1, 8, 8, 4, 3, 3, 3, [2, 2], 'same'],
    [2, 9, 7, 3, 2, 3, 2, [2, 1], 'valid'],
    [1, 10, 10, 2, 3, 5, 5, [2, 2], 2],
    [1, 6, 6, 3, 3, 1, 1, [1, 1], 'same'],
  ];

  it.each(cases)('matches the CPU backend: batch %i, %i×%i×%i → %i, kernel %i×%i, strides %j, padding %j', async (batch, height, width, inChannels, outChannels, kernelHeight, kernelWidth, strides, pad) => {
    const info = tf.backend_util.computeConv2DInfo([batch, height, width, inChannels], [kernelHeight, kernelWidth, inChannels, outChannels], strides, 1, pad);
    const random = seededRandom(height * 31 + width);
    const x = Float32Array.from({ length: batch * height * width * inChannels }, () => random() * 2 - 1);
    const dy = Float32Array.from({ length: batch * info.outHeight * info.outWidth * outChannels }, () => random() * 2 - 1);
    const xShape = [batch, height, width, inChannels];
    const dyShape = [batch, info.outHeight, info.outWidth, outChannels];
    const filterShape = [kernelHeight, kernelWidth, inChannels, outChannels];
    const before = tf.memory().numTensors;
    const wasm = await filterGradient('wasm', x, xShape, dy, dyShape, filterShape, strides, pad);
    const cpu = await filterGradient('cpu', x, xShape, dy, dyShape, filterShape, strides, pad);
    await activatePlatform('wasm');
    expect(tf.memory().numTensors).toBe(before);
    cpu.forEach((value, index) => expect(wasm[index]).toBeCloseTo(value, 4));
  });
});
