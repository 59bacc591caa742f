/**
 * The k classes with the highest softmax probabilities of a logit vector, best first (ties by
 * the lower index): the scores `polycam explain` reports with its default `softmax` score.
 *
 * @param logits - The model's output for one image.
 * @param k - How many classes; at most the output's size.
 * @returns Each class's index and softmax probability.
 */
export function topClasses(logits: ArrayLike<number>, k: number): { index: number; score: number }[] {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i += 1) max = Math.max(max, logits[i]!);
  let sum = 0;
  const exps = Array.from({ length: logits.length }, (_, i) => {
    const value = Math.exp(logits[i]! - max);
    sum += value;
    return value;
  });
  return exps
    .map((value, index) => ({ index, score: value / sum }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, Math.min(k, logits.length));
}
