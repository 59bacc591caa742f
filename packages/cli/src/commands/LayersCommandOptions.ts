import type { ModelCliOptions } from '../model/ModelCliOptions.js';
import type { InputLayout } from '@polycam/core';

/** The raw options of `polycam layers`. */
export interface LayersCommandOptions extends ModelCliOptions {
  /** `--model FILE.onnx`; the bundled demo model when omitted. */
  readonly model?: string;
  /** `--threads N`. */
  readonly threads?: string;
  /** `--layout NCHW|NHWC`: overrides the detected input layout. */
  readonly layout?: InputLayout;
}
