import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { seededRandom } from '@polycam/core';
import type { TfjsGraphModelOptions } from './TfjsGraphModelOptions.js';

interface Weight {
  readonly name: string;
  readonly shape: number[];
  readonly dtype: 'float32' | 'int32';
  readonly values: Float32Array | Int32Array;
}

const FLOAT = { type: 'DT_FLOAT' };

function ints(values: readonly number[]): object {
  return { list: { i: values.map(String) } };
}

function text(value: string): object {
  return { s: Buffer.from(value).toString('base64') };
}

function dims(shape: readonly number[]): object {
  return { dim: shape.map((size) => ({ size: String(size) })) };
}

/**
 * Writes a small seeded TF.js GraphModel for tests, as the TensorFlow converter lays one out
 * (a GraphDef as JSON plus a weights manifest): `block1/relu` (Conv2D 3×3 SAME, BiasAdd, Relu),
 * `block1/pool` (MaxPool 2×2), `block2/relu`, `gap` (Mean over H and W) and `logits` (MatMul
 * and BiasAdd). The input `image` is `[batch, size, size, 3]`, channels last.
 *
 * @param folder - Where to write `model.json` and `weights.bin`.
 * @param options - Seed, size, classes and fixed batch.
 * @returns The path of `model.json`.
 */
export async function writeTfjsGraphModel(folder: string, options: TfjsGraphModelOptions = {}): Promise<string> {
  const { seed = 1, size = 16, classes = 4, fixedBatchSize } = options;
  const random = seededRandom(seed);
  const weights: Weight[] = [];
  const nodes: object[] = [
    { name: 'image', op: 'Placeholder', attr: { dtype: FLOAT, shape: { shape: dims([fixedBatchSize ?? -1, size, size, 3]) } } },
  ];
  const constant = (name: string, shape: number[], values?: Int32Array): string => {
    const dtype = values === undefined ? 'float32' : 'int32';
    const count = shape.reduce((product, axis) => product * axis, 1);
    weights.push({ name, shape, dtype, values: values ?? Float32Array.from({ length: count }, () => random() - 0.5) });
    const type = dtype === 'float32' ? 'DT_FLOAT' : 'DT_INT32';
    nodes.push({ name, op: 'Const', attr: { dtype: { type }, value: { tensor: { dtype: type, tensorShape: dims(shape) } } } });
    return name;
  };
  const node = (name: string, op: string, input: string[], attr: object = {}): string => {
    nodes.push({ name, op, input, attr: { T: FLOAT, ...attr } });
    return name;
  };
  const convBlock = (scope: string, input: string, inChannels: number, outChannels: number): string => {
    const kernel = constant(`${scope}/kernel`, [3, 3, inChannels, outChannels]);
    const conv = node(`${scope}/conv`, 'Conv2D', [input, kernel], {
      strides: ints([1, 1, 1, 1]),
      padding: text('SAME'),
      data_format: text('NHWC'),
      dilations: ints([1, 1, 1, 1]),
    });
    const biased = node(`${scope}/bias_add`, 'BiasAdd', [conv, constant(`${scope}/bias`, [outChannels])], { data_format: text('NHWC') });
    return node(`${scope}/relu`, 'Relu', [biased]);
  };
  const block1 = convBlock('block1', 'image', 3, 4);
  const pooled = node('block1/pool', 'MaxPool', [block1], {
    ksize: ints([1, 2, 2, 1]),
    strides: ints([1, 2, 2, 1]),
    padding: text('VALID'),
    data_format: text('NHWC'),
  });
  const block2 = convBlock('block2', pooled, 4, 6);
  const gap = node('gap', 'Mean', [block2, constant('gap/axes', [2], Int32Array.of(1, 2))], { Tidx: { type: 'DT_INT32' }, keep_dims: { b: false } });
  const product = node('logits/matmul', 'MatMul', [gap, constant('logits/kernel', [6, classes])], { transpose_a: { b: false }, transpose_b: { b: false } });
  node('logits', 'BiasAdd', [product, constant('logits/bias', [classes])], { data_format: text('NHWC') });

  await mkdir(folder, { recursive: true });
  const bytes = Buffer.concat(weights.map((weight) => Buffer.from(weight.values.buffer)));
  await writeFile(join(folder, 'weights.bin'), bytes);
  const json = {
    format: 'graph-model',
    generatedBy: 'polycam test builder',
    convertedBy: null,
    modelTopology: { node: nodes, library: {}, versions: { producer: 1 } },
    weightsManifest: [{ paths: ['weights.bin'], weights: weights.map(({ name, shape, dtype }) => ({ name, shape, dtype })) }],
  };
  await writeFile(join(folder, 'model.json'), `${JSON.stringify(json)}\n`);
  return join(folder, 'model.json');
}
