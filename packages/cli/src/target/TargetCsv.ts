/** A `--classes` file, read (see `readTargetCsv`). */
export interface TargetCsv {
  /** The file, as given. */
  readonly file: string;
  /** Its folder, absolute: where the rows' relative paths start. */
  readonly folder: string;
  /** Its second column: classes, or `KIND:ARGUMENT` targets. */
  readonly column: 'class' | 'target';
  /** Its rows, in order. */
  readonly rows: readonly {
    /** The image, absolute (resolved against {@link TargetCsv.folder}). */
    readonly image: string;
    /** The class or the target, as written. */
    readonly value: string;
    /** Its line number, from 1. */
    readonly line: number;
  }[];
}
