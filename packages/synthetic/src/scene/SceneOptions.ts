/**
 * What {@link generateScene} draws.
 */
export interface SceneOptions {
  /** Seeds every random choice; the same options always give the same scene. */
  readonly seed: number;
  /** The image's side length in pixels. Default 128; 48 to 512. */
  readonly size?: number;
  /** The class of each object to draw: one label, or two different labels. */
  readonly labels: readonly number[];
  /** Draws distractor clutter (line segments and small blobs). Default true. */
  readonly clutter?: boolean;
  /** The standard deviation of the pixel noise, in [0, 1] units. Default 0.02. */
  readonly noise?: number;
}
