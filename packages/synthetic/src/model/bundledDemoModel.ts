import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DemoModelMetadata } from './DemoModelMetadata.js';

/**
 * Where the bundled demo model and images are, and the model's metadata. The files ship with
 * this package: `model/demo-cnn.onnx`, its TF.js copy `model/tfjs/`, `model/demo-cnn.json` and
 * `demo-images/`.
 *
 * @returns The ONNX path, the TF.js path, the demo images' folder (with its `manifest.json`) and the metadata.
 */
export function bundledDemoModel(): {
  /** The absolute path of the bundled `.onnx` file. */
  modelPath: string;
  /** The absolute path of the TF.js copy's `model.json` (the same weights). */
  tfjsModelPath: string;
  /** The absolute path of the demo images' folder, which holds a `manifest.json`. */
  imagesFolder: string;
  /** The model's metadata: input size, normalisation, class names and recommended layers. */
  metadata: DemoModelMetadata;
} {
  const packageRoot = new URL('../../', import.meta.url);
  const metadata = JSON.parse(readFileSync(new URL('model/demo-cnn.json', packageRoot), 'utf8')) as DemoModelMetadata;
  return {
    modelPath: fileURLToPath(new URL(`model/${metadata.file}`, packageRoot)),
    tfjsModelPath: fileURLToPath(new URL(`model/${metadata.tfjs.file}`, packageRoot)),
    imagesFolder: fileURLToPath(new URL('demo-images/', packageRoot)),
    metadata,
  };
}
