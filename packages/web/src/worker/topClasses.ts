import { softmax } from '@polycam/core/kernels';

/**
 * The k classes with the highest softmax probabilities of a logit vector, best first (ties by
 * the lower index): the scores `polycam explain` reports with its default `softmax` score.
 *
 * @param logits - The model's output for one image.
 * @param k - How many classes; at most the output's size.
 * @returns Each class's index and softmax probability.
 */
export function topClasses(logits: ArrayLike<number>, k: number): { index: number; score: number }[] {
  return Array.from(softmax(logits), (score, index) => ({ index, score }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, Math.min(k, logits.length));
}
