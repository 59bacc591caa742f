import { PolycamError, type Map2D } from '@polycam/core';

/**
 * Checks that a saliency map can be scored on an input of `height × width`, as the paper's
 * evaluation expects it: a finite 2-D map of the input's size, or a smaller one with the input's
 * aspect ratio (a layer's map, which is then upsampled bilinearly). The aspect ratio holds to
 * within one map pixel: scaling one side of the input to the map gives the map's other side to
 * less than a pixel, as a stride that does not divide the input gives (a 7×10 map of a 224×298
 * input). A larger map, or one of another aspect (a 10×37 map of a 128×128 input), is refused
 * rather than stretched.
 *
 * @param saliency - The map.
 * @param height - The input's height `H`.
 * @param width - The input's width `W`.
 * @returns When the map is usable.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-argument` for a map
 *   that is not 2-D (its data does not hold `height × width` values), is empty, is larger than
 *   the input or of another aspect ratio, or holds NaN or an infinite value.
 */
export function checkSaliencyMap(saliency: Map2D, height: number, width: number): void {
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
  const sameAspect = Math.abs(mapWidth - (mapHeight * width) / height) < 1 || Math.abs(mapHeight - (mapWidth * height) / width) < 1;
  if (mapHeight > height || mapWidth > width || !sameAspect) {
    throw new PolycamError(
      'invalid-argument',
      `the saliency map is ${mapHeight}×${mapWidth} but the input is ${height}×${width}; a map must be ${height}×${width}, or smaller with the same aspect ratio`,
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
}
