/**
 * One class object drawn in a scene, with its ground truth.
 */
export interface SceneObject {
  /** The class index into the benchmark's classes. */
  readonly label: number;
  /** The class name, such as `star`. */
  readonly className: string;
  /** Centre `[x, y]` in pixels. */
  readonly center: readonly [number, number];
  /** The radius of the object's unit disk, in pixels. */
  readonly radius: number;
  /** Rotation in radians. */
  readonly rotation: number;
  /** The pixel mask, row-major: 1 where the object covers at least half of the pixel. */
  readonly mask: Uint8Array;
  /** The mask's bounding box `[x0, y0, x1, y1]`, inclusive. */
  readonly box: readonly [number, number, number, number];
}
