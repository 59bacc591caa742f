import type { ImagePixels } from '@polycam/core';

/** An RGB colour with components in [0, 1]. */
export type Rgb = readonly [number, number, number];

/**
 * A floating-point RGB canvas that shapes are painted onto with partial coverage (alpha), then
 * quantised to 8-bit pixels.
 */
export class RgbCanvas {
  /** The side length in pixels (the canvas is square). */
  public readonly size: number;
  readonly #data: Float32Array;

  /**
   * @param size - The side length in pixels.
   */
  public constructor(size: number) {
    this.size = size;
    this.#data = new Float32Array(size * size * 3);
  }

  /**
   * Sets every pixel from a colour function.
   *
   * @param colourAt - The colour at a pixel's column and row.
   */
  public fill(colourAt: (x: number, y: number) => Rgb): void {
    for (let y = 0; y < this.size; y += 1) {
      for (let x = 0; x < this.size; x += 1) {
        this.#data.set(colourAt(x, y), (y * this.size + x) * 3);
      }
    }
  }

  /**
   * Blends a colour over one pixel.
   *
   * @param x - The column.
   * @param y - The row.
   * @param colour - The colour painted.
   * @param alpha - Its coverage of the pixel, in [0, 1].
   */
  public blend(x: number, y: number, colour: Rgb, alpha: number): void {
    const offset = (y * this.size + x) * 3;
    for (let channel = 0; channel < 3; channel += 1) {
      this.#data[offset + channel] = (1 - alpha) * this.#data[offset + channel]! + alpha * colour[channel]!;
    }
  }

  /**
   * Adds a value to every component of one pixel (for noise).
   *
   * @param x - The column.
   * @param y - The row.
   * @param amount - The value to add to each of R, G and B.
   */
  public add(x: number, y: number, amount: Rgb): void {
    const offset = (y * this.size + x) * 3;
    for (let channel = 0; channel < 3; channel += 1) this.#data[offset + channel]! += amount[channel]!;
  }

  /**
   * Quantises the canvas to 8-bit RGB pixels, clamping to [0, 1] first.
   *
   * @returns The pixels.
   */
  public toPixels(): ImagePixels {
    const data = new Uint8Array(this.#data.length);
    for (let index = 0; index < data.length; index += 1) {
      data[index] = Math.round(Math.min(Math.max(this.#data[index]!, 0), 1) * 255);
    }
    return { height: this.size, width: this.size, channels: 3, data };
  }
}
