import type { ImagePixels } from '@polycam/core';

/** An image of a synthetic-benchmark folder (or the bundled demo images), loaded with its objects' ground truth. */
export interface DatasetImage {
  /** The image's file name. */
  readonly name: string;
  /** Its pixels, RGB. */
  readonly pixels: ImagePixels;
  /** Its objects: class index, class name and mask (one 0/1 value per pixel). */
  readonly objects: readonly { readonly label: number; readonly className: string; readonly mask: Uint8Array }[];
}
