/**
 * One job: one image explained with one configuration. Its key, `<relativePath>#<configId>`, is
 * stable across runs and machines: it names the image by its path relative to the input root
 * (so two `cat.png` in different folders never collide) and the configuration by its hash (so a
 * changed option is a different job).
 */
export interface DatasetJob {
  /** `<relativePath>#<configId>`. */
  readonly key: string;
  /** The image's path relative to the input root, with `/` separators and no `..`. */
  readonly relativePath: string;
  /** The image file, absolute. */
  readonly image: string;
  /** The configuration's id (see {@link configId}). */
  readonly configId: string;
}
