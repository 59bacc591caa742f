import { join } from 'node:path';
import type { Explainer, ModelBackend, Tensor } from '@polycam/core';
import { OnnxBackend } from '@polycam/backend-onnx';
import { preprocessImage } from '@polycam/core';
import type { DatasetImage } from '@polycam/benchmark';
import type { SegmentationParitySetup } from './SegmentationParitySetup.js';

function vector(values: ArrayLike<number>): Tensor {
  return { shape: [values.length], data: Float32Array.from(values) };
}

/** The region's pixel count, from the target's label (`segmentation softmax[2] over 133 pixels`). */
function regionPixels(label: string): number {
  const match = /over (\d+) pixels?$/.exec(label);
  if (match === null) throw new Error(`the target's label '${label}' does not name its region's size`);
  return Number(match[1]);
}

/**
 * Explains every case of the segmentation parity check through the library API, as a user's
 * script would: each ONNX model loaded by `OnnxBackend`, the image preprocessed with the
 * defaults (ImageNet statistics), `explainer.explain` with the `segmentation` target, the case's
 * layers (or `auto`, whose pick must be the brute force's) and every method. Returns the arrays keyed as the brute force's (`CASE|METHOD|final`,
 * `stage<i>`, `cam<i>`, `weights<i>`, `CASE|score`, `CASE|region`).
 *
 * @param explainer - The explainer.
 * @param folder - The working folder (models and image).
 * @param setup - The cases.
 * @param image - The decoded image and its mask.
 * @returns The arrays to compare.
 * @throws Error when polycam explains other layers than the brute force.
 */
export async function explainParityCases(
  explainer: Explainer,
  folder: string,
  setup: SegmentationParitySetup,
  image: DatasetImage,
): Promise<Map<string, Tensor>> {
  const arrays = new Map<string, Tensor>();
  const mask = image.objects[0]!.mask;
  const region = { height: image.pixels.height, width: image.pixels.width, data: Float32Array.from(mask) };
  for (const [name, parityCase] of Object.entries(setup.cases)) {
    const backend: ModelBackend = await OnnxBackend.load({ path: join(folder, parityCase.model) });
    try {
      const [, height, width] = backend.description.input.shape;
      const input = preprocessImage(image.pixels, { height, width });
      for (const [key, method] of Object.entries(setup.methods)) {
        const result = await explainer.explain({
          backend,
          input,
          method,
          layers: parityCase.auto ? 'auto' : parityCase.layers,
          scoreFunction: parityCase.score,
          target: {
            kind: 'segmentation',
            options: { classIndex: setup.classIndex, ...(parityCase.region === 'mask' ? { region } : {}) },
          },
        });
        if (result.layers.join() !== parityCase.layers.join()) {
          throw new Error(`${name}: polycam explained layers ${result.layers.join(', ')}, the brute force ${parityCase.layers.join(', ')}`);
        }
        arrays.set(`${name}|${key}|final`, { shape: [result.map.height, result.map.width], data: result.map.data });
        result.stages.forEach((stage, index) => {
          arrays.set(`${name}|${key}|stage${index}`, { shape: [stage.map.height, stage.map.width], data: stage.map.data });
          arrays.set(`${name}|${key}|cam${index}`, { shape: [stage.cam.height, stage.cam.width], data: stage.cam.data });
          arrays.set(`${name}|${key}|weights${index}`, vector(stage.weights));
        });
        arrays.set(`${name}|score`, vector([result.score]));
        arrays.set(`${name}|region`, vector([regionPixels(result.target)]));
        process.stderr.write(`  library: ${name} ${method}: ${result.passes.run} passes run, ${result.passes.saved} saved (${result.target})\n`);
      }
    } finally {
      await backend.dispose();
    }
  }
  return arrays;
}
