import type { MaskedInputRunner, ModelDescription, WeightRandomizer } from '@polycam/core';
import type { InferenceSession } from 'onnxruntime-common';
import type { OnnxWiring } from '../OnnxWiring.js';
import type { OnnxRuntimeBinding } from './OnnxRuntimeBinding.js';

/**
 * An opened ONNX model, as {@link OnnxSessionBackend.openSessions} returns it and a subclass's
 * constructor passes it on to {@link OnnxSessionBackend}'s.
 */
export interface OnnxSessions {
  /** The runtime the sessions belong to. */
  readonly binding: OnnxRuntimeBinding;
  /** The model's input, output, shape, layout and batch axis. */
  readonly wiring: OnnxWiring;
  /** The model's description, from the probing pass. */
  readonly description: ModelDescription;
  /**
   * The session on the model as it is, for runs without taps, created on first use (an
   * explanation runs none: its unmasked pass taps layers and its masked passes have their own
   * session), then the same one every time.
   */
  readonly plain: () => Promise<InferenceSession>;
  /** A session on the model whose graph also outputs every layer, for runs that tap layers. */
  readonly tapped: InferenceSession;
  /** In-runtime masking, for models of opset 11 or later. */
  readonly masked:
    | (MaskedInputRunner & {
        /** Releases the masking session, if it was created. */
        dispose(): Promise<void>;
      })
    | undefined;
  /** Randomised copies of the model, when the runtime can load them. */
  readonly randomizer: WeightRandomizer | undefined;
}
