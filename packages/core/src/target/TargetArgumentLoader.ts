import type { Map2D } from '../tensor/Map2D.js';

/**
 * The file reading a {@link TargetPlugin.parse} may need to turn a command-line argument into
 * options. The command line implements it (core reads no files); each call fails with a
 * `PolycamError` naming the file.
 */
export interface TargetArgumentLoader {
  /**
   * Reads a region mask from an image file: 1 where a pixel is set (non-zero), 0 elsewhere.
   *
   * @param path - A PNG or JPEG file.
   * @returns The mask at the file's own size.
   */
  readMask(path: string): Promise<Map2D>;
  /**
   * Reads a float vector from a `.npy` file (any shape, flattened row-major).
   *
   * @param path - The file.
   * @returns Its values.
   */
  readVector(path: string): Promise<Float32Array>;
  /**
   * Runs the model once on an image file, preprocessed as the explained images are, and returns
   * its explained output, flattened row-major.
   *
   * @param path - The image file.
   * @returns The model's output on it (`output.size` values).
   */
  outputOf(path: string): Promise<Float32Array>;
}
