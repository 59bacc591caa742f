import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DemoSegmentationModelMetadata } from './DemoSegmentationModelMetadata.js';

/**
 * Where the bundled demo segmentation network is, and its metadata. The files ship with this
 * package: `model/demo-seg.onnx` and `model/demo-seg.json`. It labels each pixel of the
 * benchmark's images as background or one of the classes of `bundledDemoModel`'s
 * classifier (output channel `1 + k` is the classifier's class `k`), and is explained with
 * the segmentation target.
 *
 * @returns The ONNX path and the metadata.
 */
export function bundledSegmentationModel(): {
  /** The absolute path of the bundled `.onnx` file. */
  modelPath: string;
  /** The model's metadata: input and output sizes, normalisation, label names and recommended layers. */
  metadata: DemoSegmentationModelMetadata;
} {
  const packageRoot = new URL('../../', import.meta.url);
  const metadata = JSON.parse(readFileSync(new URL('model/demo-seg.json', packageRoot), 'utf8')) as DemoSegmentationModelMetadata;
  return { modelPath: fileURLToPath(new URL(`model/${metadata.file}`, packageRoot)), metadata };
}
