import type { ModelCliOptions } from '../model/ModelCliOptions.js';
import type { InputLayout } from '@polycam/core';

/**
 * The raw options of `polycam explain`, as the command line gives them.
 */
export interface ExplainCommandOptions extends ModelCliOptions {
  /** `--model FILE.onnx`; the bundled demo model when omitted. */
  readonly model?: string;
  /** `--method`: a method's id or alias (see `polycam methods`). */
  readonly method: string;
  /** `--class N`. */
  readonly class?: string;
  /** `--layers auto|last|NAME,...`; the method's own layers when omitted. */
  readonly layers?: string;
  /** `--mean r,g,b`. */
  readonly mean?: string;
  /** `--std r,g,b`. */
  readonly std?: string;
  /** `--batch-size N`. */
  readonly batchSize: string;
  /** `--threads N`. */
  readonly threads?: string;
  /** `--npz OUT.npz`. */
  readonly npz?: string;
  /** `--out DIR`. */
  readonly out?: string;
  /** `--fusion ID` (lnorm, no-lnorm, single-layer). */
  readonly fusion?: string;
  /** `--score softmax|sigmoid|identity`. */
  readonly score: string;
  /** `--layout NCHW|NHWC`: overrides the detected input layout. */
  readonly layout?: InputLayout;
  /** `--plugin MODULE`, repeatable: plugin modules to load (see `loadPlugins`). */
  readonly plugin: readonly string[];
}
