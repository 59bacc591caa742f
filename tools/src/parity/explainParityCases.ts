import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OnnxBackend } from '@polycam/backend-onnx';
import type { DatasetImage } from '@polycam/benchmark';
import { preprocessImage, type Explainer, type Map2D, type Tensor } from '@polycam/core';
import { decodeNpy } from '@polycam/core/io';
import type { SegmentationParitySetup } from './SegmentationParitySetup.js';
import { maskingPathBackend, type MaskingPath } from './maskingPathBackend.js';
import { targetRegionPixels } from './targetRegionPixels.js';

function vector(values: ArrayLike<number>): Tensor {
  return { shape: [values.length], data: Float32Array.from(values) };
}

/** A mask's `.npy` copy as a region map. */
async function readRegion(folder: string, name: string): Promise<Map2D> {
  const { shape, data } = decodeNpy(new Uint8Array(await readFile(join(folder, `${name}.npy`))), name);
  return { height: shape[0]!, width: shape[1]!, data };
}

/**
 * Explains every case of the segmentation parity check through the library API, as a user's
 * script would: each ONNX model loaded by `OnnxBackend` (a dynamic height and width set to the
 * image's), the image preprocessed with the
 * defaults (ImageNet statistics), `explainer.explain` with the `segmentation` target, the case's
 * layers (or `auto`, whose pick must be the brute force's) and every method. Returns the arrays
 * keyed as the brute force's (`CASE|METHOD|final`, `stage<i>`, `cam<i>`, `weights<i>`,
 * `CASE|score`, `CASE|region`).
 *
 * @param explainer - The explainer.
 * @param folder - The working folder (models and image).
 * @param setup - The cases.
 * @param image - The decoded image.
 * @param path - How masked images reach the model (see {@link maskingPathBackend}).
 * @returns The arrays to compare.
 * @throws Error when polycam explains other layers than the brute force, or the path did not run.
 */
export async function explainParityCases(
  explainer: Explainer,
  folder: string,
  setup: SegmentationParitySetup,
  image: DatasetImage,
  path: MaskingPath,
): Promise<Map<string, Tensor>> {
  const arrays = new Map<string, Tensor>();
  for (const [name, parityCase] of Object.entries(setup.cases)) {
    const region = parityCase.region === 'predicted' ? undefined : await readRegion(folder, parityCase.region);
    // A model with a dynamic height and width runs at the image's own size, as in PyTorch.
    const loaded = await OnnxBackend.load({ path: join(folder, parityCase.model) }, { inputSize: [image.pixels.height, image.pixels.width] });
    try {
      const counter = { runs: 0 };
      const backend = maskingPathBackend(loaded, path, counter);
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
            options: { classIndex: parityCase.classIndex, ...(region === undefined ? {} : { region }) },
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
        arrays.set(`${name}|region`, vector([targetRegionPixels(result.target)]));
        if (counter.runs === 0) throw new Error(`${name} ${method}: the ${path} path did not run`);
        process.stderr.write(`  library (${path}): ${name} ${method}: ${result.passes.run} passes run, ${result.passes.saved} saved (${result.target})\n`);
        counter.runs = 0;
      }
    } finally {
      await loaded.dispose();
    }
  }
  return arrays;
}
