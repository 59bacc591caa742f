import type { InputLayout } from '@polycam/core';

/**
 * What {@link withMaskedInput} needs to know of a model's image input and operator set.
 */
export interface MaskedInputSpec {
  /** The image input's name. */
  readonly name: string;
  /** The input's memory layout. */
  readonly layout: InputLayout;
  /** `[C, H, W]` of one image. */
  readonly shape: readonly [number, number, number];
  /** The default-domain (`ai.onnx`) opset the model imports; 11 or more. */
  readonly opset: number;
}
