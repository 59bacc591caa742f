import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { readInitializers, summarizeOnnxModel, type DecodedTensor } from '@polycam/backend-onnx/onnx';
import { activatePlatform, saveModelArtifacts } from '@polycam/backend-tfjs';
import { tensor, transpose, type Tensor } from '@tensorflow/tfjs-core';
import { layers, sequential, type Sequential } from '@tensorflow/tfjs-layers';

function weightOf(initializers: ReadonlyMap<string, DecodedTensor>, name: string | undefined): Tensor {
  const weight = name === undefined ? undefined : initializers.get(name);
  if (weight?.values === undefined) {
    throw new Error(`the ONNX model has no float initialiser '${name}'`);
  }
  return tensor(weight.values, [...weight.dims]);
}

/** `/features/features.2/Relu_output_0` → `features.2`: the PyTorch module's name. */
function moduleName(tensorName: string): string {
  const parts = tensorName.split('/').filter((part) => part.length > 0);
  return parts.length >= 2 ? parts[parts.length - 2]! : tensorName;
}

/**
 * Rebuilds the bundled demo CNN (a chain of Conv 3×3 / Relu / MaxPool 2×2, then a global average
 * pool, a flatten and a Gemm) as a TF.js LayersModel with the same weights, and writes it to
 * `folder` as `model.json` and `weights.bin`. Layers are named after the PyTorch modules
 * (`features.2`, `classifier`). Convolution kernels go from OIHW to HWIO and the Gemm's weight
 * is transposed; nothing is retrained.
 *
 * @param onnxPath - The demo model's `.onnx` file.
 * @param folder - Where to write the TF.js model.
 * @returns The path of the written `model.json`.
 * @throws Error for an operator outside that chain.
 */
export async function exportDemoModelToTfjs(onnxPath: string, folder: string): Promise<string> {
  await activatePlatform('cpu');
  const bytes = new Uint8Array(await readFile(onnxPath));
  const summary = summarizeOnnxModel(bytes);
  const initializers = readInitializers(bytes);
  const [, channels, height, width] = summary.inputs[0]!.dims as number[];
  const model: Sequential = sequential();
  const weights: { layer: string; values: Tensor[] }[] = [];
  for (const node of summary.nodes) {
    const name = node.op === 'Gemm' ? 'classifier' : moduleName(node.outputs[0]!);
    const inputShape = model.layers.length === 0 ? { inputShape: [height!, width!, channels!] } : {};
    if (node.op === 'Conv') {
      const kernel = weightOf(initializers, node.inputs[1]);
      const bias = weightOf(initializers, node.inputs[2]);
      const [filters, , kernelHeight, kernelWidth] = kernel.shape as number[];
      model.add(layers.conv2d({ name, filters: filters!, kernelSize: [kernelHeight!, kernelWidth!], padding: 'same', ...inputShape }));
      weights.push({ layer: name, values: [transpose(kernel, [2, 3, 1, 0]), bias] });
    } else if (node.op === 'Relu') {
      model.add(layers.reLU({ name, ...inputShape }));
    } else if (node.op === 'MaxPool') {
      model.add(layers.maxPooling2d({ name, poolSize: 2, strides: 2, ...inputShape }));
    } else if (node.op === 'GlobalAveragePool') {
      model.add(layers.globalAveragePooling2d({ name, ...inputShape }));
    } else if (node.op === 'Gemm') {
      const kernel = weightOf(initializers, node.inputs[1]);
      const bias = weightOf(initializers, node.inputs[2]);
      model.add(layers.dense({ name, units: kernel.shape[0]!, ...inputShape }));
      weights.push({ layer: name, values: [transpose(kernel), bias] });
    } else if (node.op !== 'Flatten') {
      throw new Error(`the demo model exporter does not know the operator ${node.op}`);
    }
  }
  for (const { layer, values } of weights) {
    model.getLayer(layer).setWeights(values);
  }
  await rm(folder, { recursive: true, force: true });
  await model.save(saveModelArtifacts(folder));
  model.dispose();
  return join(folder, 'model.json');
}
