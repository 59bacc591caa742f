import type { ImagePixels } from '@polycam/core';

/** An image of a synthetic-benchmark folder (or the bundled demo images), loaded with its objects' ground truth. */
export interface DatasetImage {
  /** The image's file name. */
  readonly name: string;
  /** Its pixels, RGB. */
  readonly pixels: ImagePixels;
  /** Its objects: class index, class name and mask (one 0/1 value per pixel). */
  readonly objects: readonly {
    /** The object's class index. */
    readonly label: number;
    /** The class's name. */
    readonly className: string;
    /** Its mask, one 0/1 value per pixel. */
    readonly mask: Uint8Array;
  }[];
}
