import type { TargetPlugin } from '../target/TargetPlugin.js';

/**
 * A target kind resolved and checked by `Explainer.prepare()`: the plugin and the options its
 * {@link TargetPlugin.check} returned, bound to each image after its unmasked pass.
 */
export interface PreparedTarget {
  /** The target's plugin. */
  readonly plugin: TargetPlugin;
  /** Its checked options. */
  readonly options: unknown;
}
