import { dirname, join } from 'node:path';
import { bundledDemoModel } from '@polycam/synthetic';
import { exportDemoModelToTfjs } from './exportDemoModelToTfjs.js';

/**
 * `npm run export:demo-tfjs`: writes the TF.js copy of the bundled demo model next to the ONNX
 * file, in `packages/synthetic/model/tfjs/`. `npm run train:demo-model` runs it too.
 *
 * @returns When the model is written.
 */
export async function exportBundledModelToTfjs(): Promise<void> {
  const { modelPath } = bundledDemoModel();
  const written = await exportDemoModelToTfjs(modelPath, join(dirname(modelPath), 'tfjs'));
  process.stdout.write(`wrote ${written}\n`);
}

