/** One object's ground truth in the manifest. */
export interface ManifestObject {
  /** The class index. */
  readonly label: number;
  /** The class name. */
  readonly className: string;
  /** The mask's PNG, relative to the dataset folder (white = object). */
  readonly mask: string;
  /** The mask's bounding box `[x0, y0, x1, y1]`, inclusive, in pixels. */
  readonly box: readonly [number, number, number, number];
}
