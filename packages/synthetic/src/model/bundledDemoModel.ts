import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DemoModelMetadata } from './DemoModelMetadata.js';

/**
 * Where the bundled demo model and images are, and the model's metadata. The files ship with
 * this package: `model/demo-cnn.onnx`, `model/demo-cnn.json` and `demo-images/`.
 *
 * @returns The ONNX path, the demo images' folder (with its `manifest.json`) and the metadata.
 */
export function bundledDemoModel(): { modelPath: string; imagesFolder: string; metadata: DemoModelMetadata } {
  const packageRoot = new URL('../../', import.meta.url);
  const metadata = JSON.parse(readFileSync(new URL('model/demo-cnn.json', packageRoot), 'utf8')) as DemoModelMetadata;
  return {
    modelPath: fileURLToPath(new URL(`model/${metadata.file}`, packageRoot)),
    imagesFolder: fileURLToPath(new URL('demo-images/', packageRoot)),
    metadata,
  };
}
