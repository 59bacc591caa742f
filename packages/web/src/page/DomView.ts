import type { ImagePixels, Map2D } from '@polycam/core';
import { resizeBilinear } from '@polycam/core/kernels';
import type { ModelInfo } from '../worker/ModelInfo.js';
import type { WorkerResult } from '../worker/WorkerResult.js';
import { drawLegend } from '../view/drawLegend.js';
import { overlayPixels } from '../view/overlayPixels.js';
import type { ModelMetadata } from './ModelMetadata.js';
import type { PageView } from './PageView.js';
import { PolycamApp } from './PolycamApp.js';

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`the page has no #${id}`);
  return found as T;
}

function paint(canvas: HTMLCanvasElement, image: ImagePixels, map: Map2D | undefined, opacity: number): void {
  canvas.width = image.width;
  canvas.height = image.height;
  const blank = { height: 1, width: 1, data: new Float32Array(1) };
  const rgba = overlayPixels(image, map ?? blank, map === undefined ? 0 : opacity);
  canvas.getContext('2d')!.putImageData(new ImageData(rgba, image.width, image.height), 0, 0);
}

/**
 * The page's elements: the controls {@link PolycamApp} reads, and the viewer that shows a
 * result (overlay, opacity, legend, stage slider, the value under the cursor, the grids).
 */
export class DomView implements PageView {
  /** The result on show, with the image it explains. */
  public current: { result: WorkerResult; image: ImagePixels; imageName: string } | undefined;
  private resized: Map2D | undefined;
  private shownImage: ImagePixels | undefined;

  public constructor() {
    drawLegend(element('legend-bar'));
    element<HTMLInputElement>('opacity').addEventListener('input', () => this.redraw());
    element<HTMLInputElement>('stage').addEventListener('input', () => this.redraw());
    const canvas = element<HTMLCanvasElement>('overlay');
    canvas.addEventListener('mousemove', (event) => this.readValue(event));
    canvas.addEventListener('mouseleave', () => (element('value').textContent = 'point at the map to read its value'));
  }

  /**
   * Shows a one-line message (an error), or hides it.
   *
   * @param text - The line, or undefined to hide.
   */
  public message(text: string | undefined): void {
    const line = element('message');
    line.hidden = text === undefined;
    line.textContent = text ?? '';
  }

  /**
   * Shows what runs the model.
   *
   * @param text - One line.
   */
  public status(text: string): void {
    element('runtime-status').textContent = text;
  }

  public showModel(info: ModelInfo, name: string, metadata: ModelMetadata | undefined): void {
    const [channels, height, width] = info.inputShape;
    element('model-name').textContent = `${metadata?.name ?? name}: input ${channels}×${height}×${width}, ${info.outputSize} classes, ${info.layers.length} layers`;
    const select = element<HTMLSelectElement>('method');
    const previous = select.value;
    select.replaceChildren(
      ...info.methods.map((method) => {
        const option = new Option(method.usable ? method.id : `${method.id} (needs gradients)`, method.id);
        option.disabled = !method.usable;
        option.title = method.description;
        return option;
      }),
    );
    select.value = info.methods.some((method) => method.id === previous && method.usable) ? previous : 'pcam±';
    const describe = (): void => {
      element('method-description').textContent = info.methods.find((method) => method.id === select.value)?.description ?? '';
    };
    select.onchange = describe;
    describe();
    const compare = element('compare-methods');
    compare.replaceChildren(
      ...info.methods
        .filter((method) => method.usable)
        .map((method) => {
          const label = document.createElement('label');
          const box = Object.assign(document.createElement('input'), { type: 'checkbox', value: method.id, checked: ['pcam±', 'pcam+', 'pcam-'].includes(method.id) });
          label.append(box, ` ${method.id}`);
          return label;
        }),
    );
    element('layers').replaceChildren(
      ...info.layers.map((layer) => {
        const label = document.createElement('label');
        const auto = info.autoLayers.includes(layer.name);
        const box = Object.assign(document.createElement('input'), { type: 'checkbox', value: layer.name, checked: auto });
        const code = document.createElement('code');
        code.textContent = layer.name;
        label.append(box, ` ${auto ? '★ ' : ''}`, code, ` ${layer.shape.join('×')}`);
        return label;
      }),
    );
    const statistics = PolycamApp.defaultStatistics(channels, metadata);
    element<HTMLInputElement>('mean').value = statistics.mean;
    element<HTMLInputElement>('std').value = statistics.std;
  }

  public showImages(images: readonly { name: string; blob: Blob }[]): void {
    element('images').replaceChildren(
      ...images.map((image, index) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset['index'] = String(index);
        button.title = image.name;
        button.setAttribute('aria-pressed', 'false');
        const img = document.createElement('img');
        img.src = URL.createObjectURL(image.blob);
        img.alt = image.name;
        button.append(img);
        return button;
      }),
    );
  }

  public markImage(index: number): void {
    for (const button of element('images').querySelectorAll('button')) {
      button.setAttribute('aria-pressed', String(button.dataset['index'] === String(index)));
    }
  }

  public showImage(pixels: ImagePixels): void {
    this.current = undefined;
    this.resized = undefined;
    this.shownImage = pixels;
    paint(element('overlay'), pixels, undefined, 0);
    element('summary').textContent = '';
    element('stage-label').textContent = '';
    element<HTMLButtonElement>('download-npy').disabled = true;
    element<HTMLButtonElement>('download-png').disabled = true;
  }

  public showClasses(top: readonly { index: number; score: number }[], names: readonly string[] | undefined): void {
    const radio = (value: string, text: string, checked: boolean): HTMLLabelElement => {
      const label = document.createElement('label');
      label.append(Object.assign(document.createElement('input'), { type: 'radio', name: 'class', value, checked }), ` ${text}`);
      return label;
    };
    const rows = top.map((entry) => {
      const label = radio(String(entry.index), `${entry.index}${names?.[entry.index] ? ` ${names[entry.index]}` : ''}: ${entry.score.toFixed(4)}`, false);
      const tick = Object.assign(document.createElement('input'), { type: 'checkbox', value: String(entry.index), title: 'one map per class', className: 'per-class' });
      label.prepend(tick, ' ');
      return label;
    });
    const other = document.createElement('label');
    other.append(Object.assign(document.createElement('input'), { type: 'radio', name: 'class', value: 'other' }), ' class number ', Object.assign(document.createElement('input'), { type: 'number', id: 'class-other', min: '0', style: 'width: 5rem' }));
    element('classes').replaceChildren(radio('top', 'the top class', true), ...rows, other);
  }

  public showProgress(done: number, total: number): void {
    const bar = element<HTMLProgressElement>('progress');
    bar.max = Math.max(total, 1);
    bar.value = done;
    element('progress-text').textContent = `${done} / ${total} passes`;
  }

  public showRunning(running: boolean): void {
    for (const id of ['explain', 'compare', 'per-class', 'use-demo']) element<HTMLButtonElement>(id).disabled = running;
    element<HTMLButtonElement>('cancel').disabled = !running;
  }

  public method(): string {
    return element<HTMLSelectElement>('method').value || 'pcam±';
  }

  public classIndex(): number | undefined {
    const chosen = document.querySelector<HTMLInputElement>('input[name="class"]:checked')?.value ?? 'top';
    if (chosen === 'top') return undefined;
    if (chosen === 'other') {
      const value = element<HTMLInputElement>('class-other').valueAsNumber;
      return Number.isInteger(value) ? value : undefined;
    }
    return Number(chosen);
  }

  /** The classes ticked for one map per class. */
  public tickedClasses(): number[] {
    return [...document.querySelectorAll<HTMLInputElement>('#classes input.per-class:checked')].map((box) => Number(box.value));
  }

  /** The methods ticked for the side-by-side comparison. */
  public tickedMethods(): string[] {
    return [...document.querySelectorAll<HTMLInputElement>('#compare-methods input:checked')].map((box) => box.value);
  }

  public layers(): readonly string[] | undefined {
    const mode = document.querySelector<HTMLInputElement>('input[name="layer-mode"]:checked')?.value;
    if (mode !== 'custom') return undefined;
    return [...document.querySelectorAll<HTMLInputElement>('#layers input:checked')].map((box) => box.value);
  }

  /**
   * Sets the controls to an explanation's choices, so that the page shows what ran.
   *
   * @param method - The method id.
   * @param classIndex - The class, or undefined for the top class.
   * @param layers - The layers, or undefined for the method's own.
   */
  public choose(method: string, classIndex: number | undefined, layers: 'auto' | 'last' | readonly string[] | undefined): void {
    element<HTMLSelectElement>('method').value = method;
    element<HTMLSelectElement>('method').dispatchEvent(new Event('change'));
    const radio = document.querySelector<HTMLInputElement>(`input[name="class"][value="${classIndex ?? 'top'}"]`);
    if (radio) radio.checked = true;
    else if (classIndex !== undefined) {
      document.querySelector<HTMLInputElement>('input[name="class"][value="other"]')!.checked = true;
      element<HTMLInputElement>('class-other').value = String(classIndex);
    }
    const custom = Array.isArray(layers);
    document.querySelector<HTMLInputElement>(`input[name="layer-mode"][value="${custom ? 'custom' : 'default'}"]`)!.checked = true;
    if (custom) for (const box of document.querySelectorAll<HTMLInputElement>('#layers input')) box.checked = layers.includes(box.value);
  }

  public meanText(): string {
    return element<HTMLInputElement>('mean').value;
  }

  public stdText(): string {
    return element<HTMLInputElement>('std').value;
  }

  /**
   * Sets the normalisation fields.
   *
   * @param mean - The means.
   * @param std - The standard deviations.
   */
  public setStatistics(mean: readonly number[] | undefined, std: readonly number[] | undefined): void {
    if (mean) element<HTMLInputElement>('mean').value = mean.join(', ');
    if (std) element<HTMLInputElement>('std').value = std.join(', ');
  }

  /**
   * Shows a result: the final map over its image, the stage slider at the shallowest stage.
   *
   * @param result - The explanation.
   * @param image - The image it explains.
   * @param imageName - The image's name, for downloads.
   * @param className - The class's name, if known.
   */
  public showResult(result: WorkerResult, image: ImagePixels, imageName: string, className: string | undefined): void {
    this.current = { result, image, imageName };
    this.shownImage = image;
    const stage = element<HTMLInputElement>('stage');
    stage.max = String(Math.max(result.stages.length - 1, 0));
    stage.value = stage.max;
    const classText = result.classIndex === undefined ? '' : `class ${result.classIndex}${className ? ` ${className}` : ''}, `;
    element('summary').textContent = `${result.method}: ${classText}score ${result.score.toFixed(4)}, ${result.passes.run} passes run, ${result.passes.saved} saved, ${Math.round(result.durationMs)} ms`;
    element<HTMLButtonElement>('download-npy').disabled = false;
    element<HTMLButtonElement>('download-png').disabled = false;
    this.redraw();
  }

  /** The stage on show, in forward order (the slider runs deepest → shallowest). */
  public stageIndex(): number {
    const count = this.current?.result.stages.length ?? 1;
    return count - 1 - Number(element<HTMLInputElement>('stage').value);
  }

  /** The map on show: the chosen stage's. */
  public shownMap(): Map2D | undefined {
    return this.current && PolycamApp.mapOf(this.current.result, this.current.result.stages.length > 0 ? this.stageIndex() : undefined);
  }

  private redraw(): void {
    if (this.current === undefined) return;
    const map = this.shownMap()!;
    const { image, result } = this.current;
    this.resized = resizeBilinear(map, image.height, image.width);
    paint(element('overlay'), image, map, Number(element<HTMLInputElement>('opacity').value));
    const index = this.stageIndex();
    const stages = result.stages.length;
    element('stage-label').textContent =
      stages > 1 ? `stage ${stages - index} of ${stages} from the deepest: ${result.stages[index]!.layer}${index === 0 ? ' (the final map)' : ''}` : '';
  }

  private readValue(event: MouseEvent): void {
    const canvas = event.currentTarget as HTMLCanvasElement;
    const box = canvas.getBoundingClientRect();
    const image = this.shownImage;
    if (image === undefined) return;
    const x = Math.min(image.width - 1, Math.max(0, Math.floor(((event.clientX - box.left) / box.width) * image.width)));
    const y = Math.min(image.height - 1, Math.max(0, Math.floor(((event.clientY - box.top) / box.height) * image.height)));
    element('value').textContent = this.resized ? `map value at (${x}, ${y}): ${this.resized.data[y * image.width + x]!.toFixed(4)}` : `pixel (${x}, ${y})`;
  }

  /**
   * Adds a small overlay to a grid.
   *
   * @param gridId - `compare-grid` or `class-grid`.
   * @param image - The image.
   * @param map - The map.
   * @param caption - What it shows.
   */
  public addToGrid(gridId: string, image: ImagePixels, map: Map2D, caption: string): void {
    const figure = document.createElement('figure');
    const canvas = document.createElement('canvas');
    paint(canvas, image, map, Number(element<HTMLInputElement>('opacity').value));
    const text = document.createElement('figcaption');
    text.textContent = caption;
    figure.append(canvas, text);
    element(gridId).append(figure);
  }

  /** The overlay canvas, for the PNG download. */
  public overlayCanvas(): HTMLCanvasElement {
    return element('overlay');
  }
}
