import type { ImageTarget } from './ImageTarget.js';

/**
 * One job: one image explained with one configuration, and possibly its own target. Its key,
 * `<relativePath>#<configId>` (followed by `#<targetId>` for an image with its own target), is
 * stable across runs and machines: it names the image by its path relative to the input root
 * (so two `cat.png` in different folders never collide) and the configuration by its hash (so a
 * changed option is a different job, and a changed class too).
 */
export interface DatasetJob {
  /** `<relativePath>#<configId>`, or `<relativePath>#<configId>#<targetId>` with a target. */
  readonly key: string;
  /** The image's path relative to the input root, with `/` separators and no `..`. */
  readonly relativePath: string;
  /** The image file, absolute. */
  readonly image: string;
  /** The configuration's id (see {@link configId}). */
  readonly configId: string;
  /** The image's own target; the configuration's options decide when absent. */
  readonly target?: ImageTarget;
}
