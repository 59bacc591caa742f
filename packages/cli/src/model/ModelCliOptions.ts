import type { InputLayout } from '@polycam/core';

/**
 * The command-line options that choose and load a model, shared by the commands that take one
 * (see `addModelOptions` and `addBundledModelOptions`).
 */
export interface ModelCliOptions {
  /** `--model`: an `.onnx` file or a TF.js `model.json`; the bundled demo model by default. */
  readonly model?: string;
  /** `--backend`: a backend id (`onnx`, `tfjs`, or a plugin's); chosen from the file otherwise. */
  readonly backend?: string;
  /** `--output NAME`: the output to explain, as the backend names it; the first output by default. */
  readonly output?: string;
  /** `--tf-platform`: the TF.js platform (`wasm`, `cpu`, `node`, `node-gpu`). */
  readonly tfPlatform?: string;
  /** `--threads`: intra-op threads (onnxruntime) or WASM threads (TF.js). */
  readonly threads?: string;
  /** `--input-size H,W`: the size at which a model with a dynamic height and width runs. */
  readonly inputSize?: string;
  /** `--layout`: overrides the detected input layout. */
  readonly layout?: InputLayout;
  /** `--mean r,g,b`: the per-channel mean, for commands that normalise images. */
  readonly mean?: string;
  /** `--std r,g,b`: the per-channel standard deviation, for commands that normalise images. */
  readonly std?: string;
  /** `--plugin MODULE`, repeatable: plugin modules to load (see `loadPlugins`). */
  readonly plugin?: readonly string[];
}
