/**
 * One image's own target, when the images of a run are not all explained for the same thing
 * (a CSV of image to class, say): a class index, or a target in the application's own text
 * (the command line's `KIND:ARGUMENT`, such as `segmentation:3:mask.png`) with the folder that
 * the relative file paths inside it start from. It is part of the job's key, so that a re-run
 * with another class or target makes new results rather than reusing old ones.
 */
export interface ImageTarget {
  /** The class to explain. */
  readonly classIndex?: number;
  /** A target, as the application names it (`KIND:ARGUMENT`). */
  readonly target?: string;
  /** The absolute folder that relative paths inside {@link ImageTarget.target} start from. */
  readonly folder?: string;
}
