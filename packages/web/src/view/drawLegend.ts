import { jetColor } from '@polycam/core/kernels';

/**
 * Paints the colour scale: the jet colormap from 1 at the top to 0 at the bottom.
 *
 * @param canvas - The legend's canvas.
 */
export function drawLegend(canvas: HTMLCanvasElement): void {
  const context = canvas.getContext('2d')!;
  const { width, height } = canvas;
  for (let row = 0; row < height; row += 1) {
    const [r, g, b] = jetColor(1 - row / (height - 1));
    context.fillStyle = `rgb(${r}, ${g}, ${b})`;
    context.fillRect(0, row, width, 1);
  }
}
