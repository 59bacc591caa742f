/**
 * A target named by a registered {@link TargetPlugin}'s id, with that plugin's options: what an
 * {@link ExplainRequest} (or a command line's `--target KIND:ARGUMENT`) asks for when it explains
 * something other than the predicted class.
 *
 * @example
 * ```ts
 * // The summed probability of class 3 over the pixels predicted as 3.
 * const target: TargetRequest = { kind: 'segmentation', options: { classIndex: 3 } };
 * ```
 */
export interface TargetRequest {
  /** The {@link TargetPlugin.id} of a registered target, such as `class` or `segmentation`. */
  readonly kind: string;
  /** The plugin's options, which {@link TargetPlugin.check} validates; the plugin's defaults when absent. */
  readonly options?: unknown;
}
