import type { ModelBackend } from '@polycam/core';
import type { OnnxLoadOptions } from '../OnnxLoadOptions.js';
import type { OnnxWiring } from '../OnnxWiring.js';
import type { OnnxRuntimeBinding } from './OnnxRuntimeBinding.js';

/**
 * An ONNX model to open with {@link OnnxSessionBackend.openSessions}, and what the runtime
 * brings to it.
 */
export interface OnnxSessionSource {
  /** The model's bytes. */
  readonly bytes: Uint8Array;
  /** A name for messages, such as `'model.onnx'` in quotes. */
  readonly name: string;
  /** Creates sessions and tensors on one ONNX runtime. */
  readonly binding: OnnxRuntimeBinding;
  /** The layout override, the output to explain and a dynamic input's size. */
  readonly options?: Pick<OnnxLoadOptions, 'layout' | 'output' | 'inputSize'>;
  /**
   * Loads a backend from rewritten bytes with the original's options. When given, the backend
   * declares `weight-randomization` and loads its randomised copies with it.
   */
  readonly reload?: (bytes: Uint8Array) => Promise<ModelBackend>;
  /**
   * Refuses models that this runtime does not take, before any session is created.
   *
   * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-model`.
   */
  readonly checkWiring?: (wiring: OnnxWiring) => void;
}
