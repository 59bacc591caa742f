import { ClassTargetPlugin } from './ClassTargetPlugin.js';
import { DetectionTargetPlugin } from './DetectionTargetPlugin.js';
import { EmbeddingTargetPlugin } from './EmbeddingTargetPlugin.js';
import { SegmentationTargetPlugin } from './SegmentationTargetPlugin.js';
import type { TargetPlugin } from './TargetPlugin.js';

/**
 * The target kinds every {@link Explainer} knows, whatever plugins it is given: `class`,
 * `segmentation`, `embedding` and `detection`, in this order. Plugins under `TOKENS.TargetPlugin` add kinds; they cannot replace these.
 *
 * @returns New instances of the built-in target plugins.
 */
export function builtInTargets(): TargetPlugin[] {
  return [new ClassTargetPlugin(), new SegmentationTargetPlugin(), new EmbeddingTargetPlugin(), new DetectionTargetPlugin()] as TargetPlugin[];
}
