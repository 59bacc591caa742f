import { ClassTargetPlugin } from './ClassTargetPlugin.js';
import { SegmentationTargetPlugin } from './SegmentationTargetPlugin.js';
import type { TargetPlugin } from './TargetPlugin.js';

/**
 * The target kinds every {@link Explainer} knows, whatever plugins it is given: `class`, then
 * `segmentation`. Plugins under `TOKENS.TargetPlugin` add kinds; they cannot replace these.
 *
 * @returns New instances of the built-in target plugins.
 */
export function builtInTargets(): TargetPlugin[] {
  return [new ClassTargetPlugin(), new SegmentationTargetPlugin()] as TargetPlugin[];
}
