/**
 * Where occlusion patches start along one axis: `0, stride, 2·stride, …` while the patch fits,
 * plus a last patch flush with the end when the stride does not land there, so that every
 * pixel is covered.
 * The patch is at most `length` long; the starts come out increasing.
 */
export function windowStarts(length: number, patch: number, stride: number): number[] {
  const starts: number[] = [];
  for (let start = 0; start + patch <= length; start += stride) starts.push(start);
  if (starts.at(-1)! + patch < length) starts.push(length - patch);
  return starts;
}
