/**
 * One attribute of an ONNX node, as polycam writes them.
 *
 * @internal
 */
export type NodeAttribute =
  | { readonly name: string; readonly kind: 'float'; readonly value: number }
  | { readonly name: string; readonly kind: 'int'; readonly value: number }
  | { readonly name: string; readonly kind: 'string'; readonly value: string }
  | { readonly name: string; readonly kind: 'ints'; readonly value: readonly number[] };
