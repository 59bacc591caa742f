import type { Scene } from '@polycam/synthetic';

/** One bundled demo image, redrawn from its seed, with its file name. */
export interface DemoScene extends Scene {
  /** The image's file name in the bundled demo folder, such as `single-00000.png`. */
  readonly name: string;
}
