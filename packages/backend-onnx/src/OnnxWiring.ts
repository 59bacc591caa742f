import type { InputLayout } from '@polycam/core';

/**
 * The parts of an ONNX model that running it needs, fixed at load time.
 */
export interface OnnxWiring {
  /** The image input's name. */
  readonly input: string;
  /** The explained output's name. */
  readonly output: string;
  /** `[C, H, W]` of one image. */
  readonly imageShape: readonly [number, number, number];
  /** The input's memory layout. */
  readonly layout: InputLayout;
  /** The batch size the model requires, or undefined for a dynamic batch axis. */
  readonly fixedBatchSize: number | undefined;
}
