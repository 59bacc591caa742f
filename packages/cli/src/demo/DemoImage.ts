import type { ImagePixels } from '@polycam/core';

/** A bundled demo image with its objects' ground truth, loaded. */
export interface DemoImage {
  /** The image's file name. */
  readonly name: string;
  /** Its pixels. */
  readonly pixels: ImagePixels;
  /** Its objects: class index, class name and mask. */
  readonly objects: readonly { readonly label: number; readonly className: string; readonly mask: Uint8Array }[];
}
