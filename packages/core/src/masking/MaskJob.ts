/**
 * One masked image that needs a forward pass: the shared zero input, or channel `channel`'s
 * mask `M` (or its complement `1 − M`) applied to the image.
 *
 * @internal
 */
export type MaskJob =
  | { readonly kind: 'zero-input' }
  | { readonly kind: 'mask'; readonly channel: number; readonly complement: boolean };
