/** The raw options of `polycam dataset status`. */
export interface DatasetStatusOptions {
  /** `--redis URL`. */
  readonly redis: string;
  /** `--queue NAME`. */
  readonly queue: string;
}
