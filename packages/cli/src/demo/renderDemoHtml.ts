import type { DemoRow } from './DemoRow.js';
import type { DemoSegmentationRow } from './DemoSegmentationRow.js';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function percent(value: number | undefined): string {
  return value === undefined ? '–' : `${(value * 100).toFixed(1)}%`;
}

function figure(src: string, caption: string): string {
  return `<figure><img src="${escape(src)}" alt="${escape(caption)}"><figcaption>${escape(caption)}</figcaption></figure>`;
}

function segmentationSection(segmentation: { readonly model: string; readonly rows: readonly DemoSegmentationRow[] }): string {
  const sections = segmentation.rows.map((row) => {
    const maps = row.objects
      .map((object) =>
        object.overlay === undefined
          ? `<p>${escape(object.className)}: predicted nowhere, no map</p>`
          : figure(object.overlay, `PCAM± for ${object.className} over its predicted region (IoU ${object.regionIou.toFixed(2)} with the object): ${percent(object.energy)} in the object`),
      )
      .join('');
    return [
      `<section id="segmentation-${escape(row.image)}">`,
      `<h3>${escape(row.image)}</h3>`,
      `<div class="row">${figure(row.image, 'input')}${figure(row.labelMap, 'predicted labels')}${maps}</div>`,
      '</section>',
    ].join('\n');
  });
  return [
    '<h2>Segmentation: PCAM± of a class over its predicted region</h2>',
    `<p>Model: ${escape(segmentation.model)}. Each map explains the summed probability of class C over the pixels the network labels as C on the unmasked image (the segmentation target); "in the object" is the share of the map's sum inside the true object.</p>`,
    ...sections,
  ].join('\n');
}

/**
 * Renders the demo's `index.html`: a summary table, then for each image its overlays per
 * method, the strip of fusion stages from the deepest layer to the shallowest, and, for
 * two-object images, one map per class; then, when given, the segmentation network's section:
 * per image its predicted labels and one map per object's class over its predicted region.
 *
 * @param rows - The explained images.
 * @param context - The model's name and the methods' order.
 * @param segmentation - The segmentation network's name and its rows, if any.
 * @returns The HTML document.
 */
export function renderDemoHtml(
  rows: readonly DemoRow[],
  context: { readonly model: string; readonly layers: readonly string[] },
  segmentation?: { readonly model: string; readonly rows: readonly DemoSegmentationRow[] },
): string {
  const summary = rows
    .map(
      (row) =>
        `<tr><td>${escape(row.image)}</td><td>${escape(row.truth.join(' + '))}</td><td>${escape(row.predicted)}</td>` +
        `<td>${row.score.toFixed(3)}</td>` +
        row.methods.map((method) => `<td>${Math.round(method.ms)}</td><td>${percent(method.energy)}</td>`).join('') +
        '</tr>',
    )
    .join('\n');
  const methodHeaders = (rows[0]?.methods ?? []).map((method) => `<th>${escape(method.method)} ms</th><th>${escape(method.method)} energy in object</th>`).join('');
  const sections = rows
    .map((row) => {
      const overlays = row.methods.map((method) => figure(method.overlay, `${method.method}: ${percent(method.energy)} of the map in the object`)).join('');
      const perClass = row.perClass
        .map((entry) => figure(entry.overlay, `PCAM± for ${entry.className}: ${percent(entry.own)} on its object, ${percent(entry.other)} on the other`))
        .join('');
      return [
        `<section id="${escape(row.image)}">`,
        `<h2>${escape(row.image)} — ${escape(row.truth.join(' + '))}; predicted ${escape(row.predicted)} (${row.score.toFixed(3)})</h2>`,
        `<div class="row">${figure(row.image, 'input')}${overlays}</div>`,
        '<h3>PCAM± stages, from the deepest layer to the shallowest</h3>',
        `<img class="strip" src="${escape(row.strip)}" alt="fusion stages"><p class="layers">${[...row.stageLayers].reverse().map(escape).join(' → ')}</p>`,
        perClass ? `<h3>One map per class</h3><div class="row">${perClass}</div>` : '',
        '</section>',
      ].join('\n');
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>polycam demo</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
table { border-collapse: collapse; margin-bottom: 2rem; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: right; }
th:first-child, td:first-child, td:nth-child(2), td:nth-child(3) { text-align: left; }
section { margin-bottom: 2.5rem; }
.row { display: flex; flex-wrap: wrap; gap: 0.75rem; }
figure { margin: 0; }
figure img { width: 256px; image-rendering: auto; }
figcaption { font-size: 0.85rem; max-width: 256px; }
img.strip { max-width: 100%; }
.layers { font-size: 0.8rem; color: #555; }
</style>
</head>
<body>
<h1>polycam demo: Poly-CAM on the bundled model</h1>
<p>Model: ${escape(context.model)}. Layers fused (deepest last): ${context.layers.map(escape).join(', ')}.
Overlays use the jet colormap (red = most salient). "Energy in object" is the share of the map's sum that falls inside the object of the predicted class.</p>
<p>To look at these maps stage by stage, with the value under the cursor and other methods side by side, run <code>npx polycam view</code> on this folder and open the URL it prints<span class="viewer"> (or, when this report is served by it, <a href="../../">open the viewer</a>)</span>.</p>
<table>
<thead><tr><th>image</th><th>truth</th><th>predicted</th><th>score</th>${methodHeaders}</tr></thead>
<tbody>
${summary}
</tbody>
</table>
${sections}
${segmentation === undefined ? '' : segmentationSection(segmentation)}
</body>
</html>
`;
}
