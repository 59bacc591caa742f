import type { ImageTarget } from '@polycam/dataset';

/** One image's own target as the command line gave it, with where it came from, for messages. */
export interface GivenTarget {
  /** The class or the `KIND:ARGUMENT` text, with the folder its relative paths start from. */
  readonly target: ImageTarget;
  /** Where it was given: `--class`, `--target` or `classes.csv line 3`. */
  readonly source: string;
}
