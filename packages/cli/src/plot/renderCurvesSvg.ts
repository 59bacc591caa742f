import type { PlotSeries } from './PlotSeries.js';

const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function panel(title: string, series: readonly PlotSeries[], left: number): string {
  const [width, height, margin] = [380, 260, 40];
  const x = (fraction: number): number => left + margin + fraction * (width - margin - 10);
  const y = (value: number): number => 30 + (1 - value) * (height - 30 - margin);
  const axes = [
    `<text x="${left + width / 2}" y="18" text-anchor="middle" font-weight="bold">${escape(title)}</text>`,
    `<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(0)}" stroke="#333"/>`,
    `<line x1="${x(0)}" y1="${y(0)}" x2="${x(0)}" y2="${y(1)}" stroke="#333"/>`,
    ...[0, 0.25, 0.5, 0.75, 1].flatMap((tick) => [
      `<text x="${x(tick)}" y="${y(0) + 14}" text-anchor="middle" font-size="10">${tick}</text>`,
      `<text x="${x(0) - 4}" y="${y(tick) + 3}" text-anchor="end" font-size="10">${tick}</text>`,
      `<line x1="${x(0)}" y1="${y(tick)}" x2="${x(1)}" y2="${y(tick)}" stroke="#eee"/>`,
    ]),
    `<text x="${left + width / 2}" y="${height + 2}" text-anchor="middle" font-size="11">share of pixels ${title === 'insertion' ? 'inserted' : 'deleted'}</text>`,
  ];
  const lines = series.map((entry, index) => {
    const count = entry.values.length;
    const points = Array.from(entry.values, (value, step) => `${x((step + 1) / count).toFixed(1)},${y(value).toFixed(1)}`).join(' ');
    return `<polyline fill="none" stroke="${COLOURS[index % COLOURS.length]}" stroke-width="1.5" points="${points}"/>`;
  });
  return [...axes, ...lines].join('\n');
}

/**
 * Draws mean insertion and deletion curves side by side as an SVG document, one coloured line
 * per method, with a shared legend. Scores are plotted on [0, 1].
 *
 * @param insertion - The insertion curve of each method.
 * @param deletion - The deletion curve of each method, in the same order.
 * @returns The SVG text.
 */
export function renderCurvesSvg(insertion: readonly PlotSeries[], deletion: readonly PlotSeries[]): string {
  const legend = insertion.map(
    (entry, index) =>
      `<rect x="${20 + (index % 3) * 250}" y="${290 + Math.floor(index / 3) * 18}" width="12" height="3" fill="${COLOURS[index % COLOURS.length]}"/>` +
      `<text x="${36 + (index % 3) * 250}" y="${295 + Math.floor(index / 3) * 18}" font-size="11">${escape(entry.label)}</text>`,
  );
  const height = 300 + Math.ceil(insertion.length / 3) * 18;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="780" height="${height}" font-family="sans-serif">`,
    `<rect width="780" height="${height}" fill="white"/>`,
    panel('insertion', insertion, 0),
    panel('deletion', deletion, 390),
    ...legend,
    '</svg>',
    '',
  ].join('\n');
}
