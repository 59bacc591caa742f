import type { ModelCliOptions } from '../model/ModelCliOptions.js';

/** The raw options of `polycam demo`: the output folder and the bundled model's options. */
export interface DemoCommandOptions extends ModelCliOptions {
  /** `--out DIR`. */
  readonly out: string;
}
