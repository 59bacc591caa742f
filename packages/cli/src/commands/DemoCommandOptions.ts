/** The raw options of `polycam demo`. */
export interface DemoCommandOptions {
  /** `--out DIR`. */
  readonly out: string;
  /** `--threads N`. */
  readonly threads?: string;
}
