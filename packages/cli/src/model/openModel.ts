import { loadModel, PolycamError } from '@polycam/core';
import { TfjsBackend } from '@polycam/backend-tfjs';
import { bundledDemoModel } from '@polycam/synthetic';
import type { Container } from 'inversify';
import { chosenModelPath } from './chosenModelPath.js';
import type { ModelChoice } from './ModelChoice.js';
import type { OpenedModel } from './OpenedModel.js';

/**
 * Loads the model a command chose: its file (the bundled demo model when absent, as its TF.js
 * copy for `tfjs` or a TF.js platform, its ONNX file otherwise), with the backend named or the
 * one that recognises the file (`model.json` → tfjs, `.onnx` → onnx), the output to explain,
 * and the TF.js platform, threads, layout and input size (for a dynamic height and width). The
 * bundled model comes with its class names.
 *
 * @param container - The command's container, with the backend modules loaded.
 * @param choice - The parsed model options.
 * @returns The loaded model; dispose its backend when done.
 * @throws {@link PolycamError} `invalid-argument` for a TF.js platform on another backend or an
 *   input size on the tfjs backend, and whatever loading the model throws (prefixed with
 *   `--output 'NAME'` when the model lacks that output).
 */
export async function openModel(container: Container, choice: ModelChoice): Promise<OpenedModel> {
  const { platform, threads, layout, output, inputSize } = choice;
  const demo = bundledDemoModel();
  const path = chosenModelPath(choice);
  const backendId = choice.backend ?? (path.toLowerCase().endsWith('.json') ? 'tfjs' : undefined);
  if (platform !== undefined && backendId !== 'tfjs') {
    throw new PolycamError('invalid-argument', `--tf-platform applies to the tfjs backend only, not to '${backendId ?? 'onnx'}'`);
  }
  if (inputSize !== undefined && backendId === 'tfjs') {
    throw new PolycamError('invalid-argument', '--input-size applies to ONNX models (a dynamic height and width), not to the tfjs backend');
  }
  const backend = await loadModel(container, { path }, {
    ...(backendId === undefined ? {} : { backend: backendId }),
    ...(output === undefined ? {} : { output }),
    ...(threads === undefined ? {} : { threads }),
    ...(layout === undefined ? {} : { layout }),
    ...(inputSize === undefined ? {} : { inputSize }),
    ...(platform === undefined ? {} : { platform }),
  }).catch((error: unknown) => {
    // The backend says the model lacks the output; the command names the flag that asked for it.
    if (output !== undefined && PolycamError.is(error) && error.message.includes(`'${output}'`)) {
      throw new PolycamError(error.kind, `--output '${output}': ${error.message}`, { cause: error });
    }
    throw error;
  });
  const runtime = backend instanceof TfjsBackend ? `tfjs on ${backend.platform}` : backend.id;
  const { classes } = demo.metadata;
  const named = choice.model === undefined && output === undefined && classes.length === backend.description.output.size;
  return { backend, path, runtime, ...(named ? { classNames: classes } : {}) };
}
