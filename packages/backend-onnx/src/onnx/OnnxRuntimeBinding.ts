import type { InferenceSession, Tensor } from 'onnxruntime-common';

/**
 * What {@link OnnxSessionBackend} needs of one ONNX runtime (onnxruntime-node,
 * onnxruntime-web, ...): how to create a session and how to wrap values as the runtime's own
 * tensor. Everything else (taps, chunks, layouts, masking, the description) is shared.
 *
 * @example
 * ```ts
 * import * as ort from 'onnxruntime-web';
 *
 * const binding: OnnxRuntimeBinding = {
 *   name: 'onnxruntime-web',
 *   createSession: (bytes) => ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] }),
 *   tensor: (data, dims) => new ort.Tensor('float32', data, dims),
 * };
 * ```
 */
export interface OnnxRuntimeBinding {
  /** Names the runtime in messages, such as `onnxruntime` in "onnxruntime failed: ...". */
  readonly name: string;
  /**
   * Creates a session with the runtime's settings (threads, execution providers).
   *
   * @param bytes - The model's bytes, possibly rewritten (with extra graph outputs, or with a
   *   masked input).
   * @returns The session.
   * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-model` when the runtime refuses the model.
   */
  createSession(bytes: Uint8Array): Promise<InferenceSession>;
  /**
   * Wraps float32 values as one of the runtime's tensors, without copying them.
   *
   * @param data - The values.
   * @param dims - The tensor's shape.
   * @returns The runtime's tensor.
   */
  tensor(data: Float32Array, dims: readonly number[]): Tensor;
}
