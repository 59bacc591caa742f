import { loadModel, PolycamError } from '@polycam/core';
import { parseTfjsPlatform, TfjsBackend } from '@polycam/backend-tfjs';
import { bundledDemoModel } from '@polycam/synthetic';
import type { Container } from 'inversify';
import { parseInteger } from '../options/parseInteger.js';
import type { ModelCliOptions } from './ModelCliOptions.js';
import type { OpenedModel } from './OpenedModel.js';

/**
 * Loads the model a command names: `--model` (the bundled demo model when absent, in the format
 * `--backend` asks for), with the backend `--backend` names or the one that recognises the file
 * (`model.json` → tfjs, `.onnx` → onnx), and the TF.js platform, threads and layout options.
 *
 * @param container - The CLI's container, with the backend modules loaded.
 * @param options - The raw command-line options.
 * @returns The loaded model; dispose its backend when done.
 * @throws {@link PolycamError} `invalid-argument` for `--tf-platform` on another backend or an
 *   unknown platform, and whatever loading the model throws.
 */
export async function openCliModel(container: Container, options: ModelCliOptions): Promise<OpenedModel> {
  const threads = options.threads === undefined ? undefined : parseInteger('--threads', options.threads, 1);
  const platform = options.tfPlatform === undefined ? undefined : parseTfjsPlatform(options.tfPlatform);
  const demo = bundledDemoModel();
  const path = options.model ?? (options.backend === 'tfjs' || platform !== undefined ? demo.tfjsModelPath : demo.modelPath);
  const backendId = options.backend ?? (path.toLowerCase().endsWith('.json') ? 'tfjs' : undefined);
  if (platform !== undefined && backendId !== 'tfjs') {
    throw new PolycamError('invalid-argument', `--tf-platform applies to the tfjs backend only, not to '${backendId ?? 'onnx'}'`);
  }
  const backend = await loadModel(container, { path }, {
    ...(backendId === undefined ? {} : { backend: backendId }),
    ...(threads === undefined ? {} : { threads }),
    ...(options.layout === undefined ? {} : { layout: options.layout }),
    ...(platform === undefined ? {} : { platform }),
  });
  const runtime = backend instanceof TfjsBackend ? `tfjs on ${backend.platform}` : backend.id;
  return { backend, path, runtime };
}
