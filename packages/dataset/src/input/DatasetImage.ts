/** An image of a dataset: its path relative to the input root, and where it is. */
export interface DatasetImage {
  /** Relative to the input root, with `/` separators and no `..`: the job's key. */
  readonly relativePath: string;
  /** The file, absolute. */
  readonly path: string;
}
