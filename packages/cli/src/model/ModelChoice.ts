import type { InputLayout } from '@polycam/core';
import type { TfjsPlatform } from '@polycam/backend-tfjs';

/** The model options of a command, parsed and checked (see `parseModelOptions`). */
export interface ModelChoice {
  /** The model file; the bundled demo model (in the backend's format) when absent. */
  readonly model?: string;
  /** The backend id; the one that recognises the file when absent. */
  readonly backend?: string;
  /** The output to explain; the model's first output when absent. */
  readonly output?: string;
  /** The TF.js platform. */
  readonly platform?: TfjsPlatform;
  /** The runtime's threads. */
  readonly threads?: number;
  /** The height and width for a model whose input declares them dynamic; 224×224 when absent. */
  readonly inputSize?: readonly [number, number];
  /** The input layout, overriding detection. */
  readonly layout?: InputLayout;
  /** The per-channel mean; the default statistics apply when absent. */
  readonly mean?: readonly number[];
  /** The per-channel standard deviation; the default statistics apply when absent. */
  readonly std?: readonly number[];
  /** The plugin modules to load, in order. */
  readonly plugins: readonly string[];
}
