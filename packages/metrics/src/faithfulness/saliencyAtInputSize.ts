import { PolycamError, type Map2D } from '@polycam/core';
import { resizeBilinear } from '@polycam/core/kernels';

/**
 * Checks a saliency map and brings it to the input's size, as the authors' evaluation does:
 * a map of any other size (smaller, larger, or of another aspect) is resized bilinearly with
 * half-pixel centres (PyTorch's `F.interpolate(mode='bilinear', align_corners=False)`, no
 * anti-aliasing) to `height × width`.
 *
 * @internal
 * @param height - The input's height `H`.
 * @param width - The input's width `W`.
 * @returns The map at `H × W` (a copy; the argument is never modified).
 * @throws {@link PolycamError} `invalid-argument` when the map is not 2-D (its data does not hold
 *   `height × width` values), is empty, or holds NaN or an infinite value.
 */
export function saliencyAtInputSize(saliency: Map2D, height: number, width: number): Map2D {
  const { height: mapHeight, width: mapWidth, data } = saliency as Partial<Map2D>;
  if (
    typeof mapHeight !== 'number' ||
    typeof mapWidth !== 'number' ||
    !Number.isInteger(mapHeight) ||
    !Number.isInteger(mapWidth) ||
    mapHeight < 1 ||
    mapWidth < 1 ||
    !(data instanceof Float32Array) ||
    data.length !== mapHeight * mapWidth
  ) {
    const size = `${String(mapHeight)}×${String(mapWidth)}`;
    const values = data instanceof Float32Array ? `${data.length} values` : 'no Float32Array of values';
    throw new PolycamError(
      'invalid-argument',
      `the saliency map must be one 2-D map of height × width values; got ${size} with ${values}`,
    );
  }
  for (let index = 0; index < data.length; index += 1) {
    const value = data[index]!;
    if (!Number.isFinite(value)) {
      const where = `(${Math.floor(index / mapWidth)}, ${index % mapWidth})`;
      throw new PolycamError(
        'invalid-argument',
        `the saliency map holds ${Number.isNaN(value) ? 'NaN' : String(value)} at pixel ${where}; every value must be finite`,
      );
    }
  }
  return resizeBilinear({ height: mapHeight, width: mapWidth, data }, height, width);
}
