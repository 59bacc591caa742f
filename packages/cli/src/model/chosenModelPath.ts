import { bundledDemoModel } from '@polycam/synthetic';
import type { ModelChoice } from './ModelChoice.js';

/**
 * The model file a command's options choose: `--model`, or the bundled demo model, as its TF.js
 * copy for `--backend tfjs` or a TF.js platform and as its ONNX file otherwise.
 *
 * @param choice - The parsed model options.
 * @returns The file's path.
 */
export function chosenModelPath(choice: Pick<ModelChoice, 'model' | 'backend' | 'platform'>): string {
  const demo = bundledDemoModel();
  return choice.model ?? (choice.backend === 'tfjs' || choice.platform !== undefined ? demo.tfjsModelPath : demo.modelPath);
}
