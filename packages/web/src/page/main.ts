// The page's entry: starts the app on the bundled demo model and images, wires the controls,
// exposes `window.polycam`, and lists the saved results that `polycam view` serves.
import './style.css';
import { PolycamError } from '@polycam/core';
import { encodeNpy } from '@polycam/core/io';
import type { OrtWebDevice } from '@polycam/backend-onnx-web';
import type { PageExplainRequest } from '../api/PageExplainRequest.js';
import type { PageExplainResult } from '../api/PageExplainResult.js';
import type { PolycamPageApi } from '../api/PolycamPageApi.js';
import type { WorkerResult } from '../worker/WorkerResult.js';
import { downloadBytes } from '../view/downloadBytes.js';
import { DomView } from './DomView.js';
import type { ExplainChoice } from './ExplainChoice.js';
import { fetchBytes } from './fetchBytes.js';
import type { ModelMetadata } from './ModelMetadata.js';
import { PolycamApp } from './PolycamApp.js';
import { showSavedResults } from './showSavedResults.js';

const BUNDLED_MODEL = new URL('demo/demo-cnn.onnx', document.baseURI).href;
const BUNDLED_METADATA = new URL('demo/demo-cnn.json', document.baseURI).href;

const view = new DomView();
const query = new URLSearchParams(location.search);
const cores = Math.min(8, navigator.hardwareConcurrency || 1);
const isolated = globalThis.crossOriginIsolated === true;
// WebGPU is offered only where the browser has an adapter (headless browsers often have none).
const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
const hasGpu = gpu !== undefined && (await gpu.requestAdapter().catch(() => null)) !== null;
const choices: { label: string; threads: number; device: OrtWebDevice }[] = [
  { label: 'WASM, 1 thread', threads: 1, device: 'wasm' },
  ...(isolated && cores > 1 ? [{ label: `WASM, ${cores} threads`, threads: cores, device: 'wasm' as const }] : []),
  ...(hasGpu ? [{ label: 'WebGPU', threads: 1, device: 'webgpu' as const }] : []),
];
const wanted = { threads: Number(query.get('threads') ?? (isolated ? cores : 1)), device: (query.get('device') ?? 'wasm') as OrtWebDevice };
const runtimeSelect = document.getElementById('runtime') as HTMLSelectElement;
runtimeSelect.replaceChildren(...choices.map((choice, index) => new Option(choice.label, String(index))));
runtimeSelect.value = String(Math.max(0, choices.findIndex((choice) => choice.device === wanted.device && (choice.device === 'webgpu' || choice.threads === wanted.threads))));
const app = new PolycamApp(view, wanted.threads, wanted.device);

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'failed';
}

function showStatus(): void {
  const { threads, device } = app.runtime;
  const where = device === 'webgpu' ? 'WebGPU' : `WASM, ${threads} thread${threads === 1 ? '' : 's'}`;
  view.status(`onnxruntime-web on ${where}; ${isolated ? 'cross-origin isolated' : 'not cross-origin isolated: one thread only'}${hasGpu ? '' : '; no WebGPU here'}`);
}

/** Runs one explanation and shows it: the path the Explain button and window.polycam share. */
async function explainAndShow(choice: ExplainChoice = {}): Promise<WorkerResult> {
  view.message(undefined);
  const image = app.image;
  const result = await app.explain(choice);
  view.showResult(result, image!.pixels, image!.name, result.classIndex === undefined ? undefined : app.metadata?.classes?.[result.classIndex]);
  return result;
}

async function guarded(action: () => Promise<unknown>): Promise<void> {
  try {
    view.message(undefined);
    await action();
  } catch (error) {
    view.message(oneLine(error));
  }
}

async function openBundled(): Promise<void> {
  const [bytes, metadata] = await Promise.all([fetchBytes(BUNDLED_MODEL), fetchBytes(BUNDLED_METADATA)]);
  await app.openModel(bytes, 'demo-cnn.onnx', JSON.parse(new TextDecoder().decode(metadata)) as ModelMetadata, BUNDLED_MODEL);
}

async function openFiles(files: readonly File[]): Promise<void> {
  const model = files.find((file) => file.name.toLowerCase().endsWith('.onnx'));
  const metadataFile = files.find((file) => file.name.toLowerCase().endsWith('.json'));
  const metadata = metadataFile ? (JSON.parse(await metadataFile.text()) as ModelMetadata) : undefined;
  if (model) await app.openModel(new Uint8Array(await model.arrayBuffer()), model.name, metadata);
  else if (metadata && app.info) view.showModel(app.info, 'the model', metadata);
  const images = files.filter((file) => file !== model && file !== metadataFile);
  await app.addImages(images.map((file) => ({ name: file.name, blob: file })));
}

const api: PolycamPageApi = {
  crossOriginIsolated: isolated,
  cancel: () => app.cancel(),
  explain: async (request: PageExplainRequest): Promise<PageExplainResult> => {
    try {
      const modelUrl = new URL(request.modelUrl, document.baseURI).href;
      const imageUrl = new URL(request.imageUrl, document.baseURI).href;
      if (app.modelUrl !== modelUrl || request.metadataUrl !== undefined) {
        const metadataUrl = request.metadataUrl ?? (modelUrl === BUNDLED_MODEL ? BUNDLED_METADATA : undefined);
        const metadata = metadataUrl ? (JSON.parse(new TextDecoder().decode(await fetchBytes(metadataUrl))) as ModelMetadata) : undefined;
        await app.openModel(await fetchBytes(modelUrl), modelUrl.split('/').pop() || 'model.onnx', metadata, modelUrl);
      }
      const info = app.info!;
      const defaults = PolycamApp.defaultStatistics(info.inputShape[0], app.metadata);
      view.setStatistics(defaults.mean.split(',').map(Number), defaults.std.split(',').map(Number));
      view.setStatistics(request.mean, request.std);
      await app.addImages([{ name: decodeURIComponent(imageUrl.split('/').pop() || 'image'), blob: new Blob([(await fetchBytes(imageUrl)).slice()]) }]);
      const method = request.method ?? 'pcam±';
      view.choose(method, request.classIndex, request.layers);
      const result = await explainAndShow({ method, classIndex: request.classIndex, layers: request.layers });
      return {
        width: result.width,
        height: result.height,
        map: Array.from(result.map),
        classIndex: result.classIndex,
        score: result.score,
        passes: result.passes,
        method: result.method,
        layers: result.layers,
        durationMs: result.durationMs,
      };
    } catch (error) {
      view.message(oneLine(error));
      throw new Error(oneLine(error));
    }
  },
};
(globalThis as unknown as { polycam: PolycamPageApi }).polycam = api;

function on(id: string, event: string, handler: (event: Event) => void): void {
  document.getElementById(id)!.addEventListener(event, handler);
}

on('explain', 'click', () => void guarded(() => explainAndShow()));
on('cancel', 'click', () => app.cancel());
on('use-demo', 'click', () => void guarded(openBundled));
for (const id of ['model-file', 'metadata-file', 'image-files']) {
  on(id, 'change', (event) => {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    // Cleared, so that picking the same file again (after fixing it) loads it again.
    input.value = '';
    void guarded(() => openFiles(files));
  });
}
on('images', 'click', (event) => {
  const button = (event.target as HTMLElement).closest('button');
  if (button?.dataset['index'] !== undefined) void guarded(() => app.select(Number(button.dataset['index'])));
});
on('runtime', 'change', () => {
  const choice = choices[Number(runtimeSelect.value)]!;
  void guarded(async () => {
    await app.setRuntime(choice.threads, choice.device);
    showStatus();
  });
});
on('compare', 'click', () =>
  void guarded(async () => {
    document.getElementById('compare-grid')!.replaceChildren();
    for (const method of view.tickedMethods()) {
      const result = await explainAndShow({ method });
      view.addToGrid('compare-grid', view.current!.image, PolycamApp.mapOf(result), `${method}: ${Math.round(result.durationMs)} ms, ${result.passes.run} passes`);
    }
  }),
);
on('per-class', 'click', () =>
  void guarded(async () => {
    document.getElementById('class-grid')!.replaceChildren();
    const classes = view.tickedClasses();
    if (classes.length === 0) throw new PolycamError('invalid-argument', 'tick one or more classes in the Class list first');
    for (const classIndex of classes) {
      const result = await explainAndShow({ classIndex });
      const name = app.metadata?.classes?.[classIndex];
      view.addToGrid('class-grid', view.current!.image, PolycamApp.mapOf(result), `class ${classIndex}${name ? ` ${name}` : ''}: score ${result.score.toFixed(3)}`);
    }
  }),
);
on('download-npy', 'click', () => {
  const current = view.current;
  const map = view.shownMap();
  if (current && map) {
    const stem = current.imageName.replace(/\.[^.]*$/, '');
    downloadBytes(encodeNpy({ shape: [map.height, map.width], data: map.data }), `${stem}-${current.result.method}.npy`, 'application/octet-stream');
  }
});
on('download-png', 'click', () => {
  const current = view.current;
  view.overlayCanvas().toBlob((blob) => {
    if (blob && current) downloadBytes(blob, `${current.imageName.replace(/\.[^.]*$/, '')}-${current.result.method}-overlay.png`, 'image/png');
  }, 'image/png');
});
document.addEventListener('dragover', (event) => {
  event.preventDefault();
  document.body.classList.add('dragging');
});
document.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
document.addEventListener('drop', (event) => {
  event.preventDefault();
  document.body.classList.remove('dragging');
  void guarded(() => openFiles([...(event.dataTransfer?.files ?? [])]));
});

showStatus();
void guarded(async () => {
  await openBundled();
  const names = JSON.parse(new TextDecoder().decode(await fetchBytes(new URL('demo/images/index.json', document.baseURI).href))) as string[];
  const blobs = await Promise.all(names.map(async (name) => ({ name, blob: new Blob([(await fetchBytes(new URL(`demo/images/${name}`, document.baseURI).href)).slice()], { type: 'image/png' }) })));
  await app.addImages(blobs);
  await showSavedResults(app, view, explainAndShow);
}).finally(() => {
  document.body.dataset['ready'] = 'true';
});
