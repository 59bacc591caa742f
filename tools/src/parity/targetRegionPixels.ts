/**
 * The region's pixel count that a segmentation target names in its label
 * (`segmentation softmax[2] over 413 pixels`), as `ExplainResult.target` and the `--out` JSON
 * summary carry it.
 *
 * @param label - The target's label.
 * @returns The count.
 * @throws Error when the label names no region.
 */
export function targetRegionPixels(label: string): number {
  const match = /over (\d+) pixels?$/.exec(label);
  if (match === null) throw new Error(`the target's label '${label}' does not name its region's size`);
  return Number(match[1]);
}
