/**
 * One attribute of a graph node, typed as ONNX's `AttributeProto` needs it.
 *
 * @internal
 */
export type NodeAttribute =
  | { readonly name: string; readonly kind: 'float'; readonly value: number }
  | { readonly name: string; readonly kind: 'int'; readonly value: number }
  | { readonly name: string; readonly kind: 'ints'; readonly value: readonly number[] };
