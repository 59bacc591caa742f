import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderLabelMap } from './renderLabelMap.js';

describe('renderLabelMap', () => {
  // A 4×4 grey image (value 100) and 2×2 labels: background, class 0, class 2 (the last of 3), class 1.
  const image = { height: 4, width: 4, channels: 3, data: new Uint8Array(4 * 4 * 3).fill(100) };
  const labels = Uint8Array.from([0, 1, 3, 2]);

  async function pixelAt(png: Uint8Array, row: number, column: number): Promise<number[]> {
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect(info).toMatchObject({ width: 4, height: 4, channels: 3 });
    const offset = (row * 4 + column) * 3;
    return [data[offset]!, data[offset + 1]!, data[offset + 2]!];
  }

  it('dims the background and blends each class with its jet colour, labels enlarged by nearest neighbour', async () => {
    const png = await renderLabelMap(image, labels, { height: 2, width: 2 }, 3);
    // background: 0.35 × 100
    for (const [row, column] of [[0, 0], [1, 1], [0, 1]] as const) expect(await pixelAt(png, row, column)).toEqual([35, 35, 35]);
    // class 0 → jet(0) = dark blue (0, 0, 128): half and half with 100
    expect(await pixelAt(png, 0, 2)).toEqual([50, 50, 114]);
    expect(await pixelAt(png, 1, 3)).toEqual([50, 50, 114]);
    // class 2 of 3 → jet(1) = dark red (128, 0, 0)
    expect(await pixelAt(png, 3, 0)).toEqual([114, 50, 50]);
    // class 1 of 3 → jet(0.5) = green-ish (128, 255, 128)
    expect(await pixelAt(png, 2, 3)).toEqual([114, 178, 114]);
  });
});
