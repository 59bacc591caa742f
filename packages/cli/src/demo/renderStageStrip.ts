import type { ExplainStage, ImagePixels } from '@polycam/core';
import sharp from 'sharp';
import { renderOverlay } from '../image/renderOverlay.js';

/**
 * Renders the fusion stages of one explanation side by side, deepest layer first, each as an
 * overlay on the image (like the paper's Figure 1): the map sharpens from left to right.
 *
 * @param image - The (display-size) image.
 * @param stages - The explanation's stages, in forward order (as `ExplainResult.stages`); the
 *   strip draws them the other way, deepest first.
 * @returns The strip as a PNG.
 */
export async function renderStageStrip(image: ImagePixels, stages: readonly ExplainStage[]): Promise<Uint8Array> {
  const gap = 4;
  const tiles = await Promise.all([...stages].reverse().map((stage) => renderOverlay(image, stage.map)));
  return sharp({
    create: { width: stages.length * (image.width + gap) - gap, height: image.height, channels: 3, background: '#ffffff' },
  })
    .composite(tiles.map((tile, index) => ({ input: Buffer.from(tile), left: index * (image.width + gap), top: 0 })))
    .png()
    .toBuffer();
}
