// The Web Worker that runs every model pass, so that the page never freezes: it loads the model
// on onnxruntime-web, reports the top classes, and runs explanations with progress events and
// cancellation within one batch. One worker holds one model; the page starts a new worker to
// change the thread count or the device (onnxruntime-web reads them once).
import { createPolycamContainer, loadModel, PolycamError, resolveLayers, TOKENS, type ModelBackend } from '@polycam/core';
import { ortWebBackendModule, type OrtWebLoadOptions } from '@polycam/backend-onnx-web';
import { baselinesModule } from '@polycam/method-baselines';
import { polycamModule } from '@polycam/method-polycam';
import * as ort from 'onnxruntime-web';
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.jsep.wasm?url';
import loaderUrl from 'onnxruntime-web/ort-wasm-simd-threaded.jsep.mjs?url';
import type { ModelInfo } from './ModelInfo.js';
import { topClasses } from './topClasses.js';
import type { WorkerReply } from './WorkerReply.js';
import type { WorkerRequest } from './WorkerRequest.js';
import { yieldingBackend } from './yieldingBackend.js';

// The runtime's files come from the app's own origin, never from a CDN.
ort.env.wasm.wasmPaths = { wasm: new URL(wasmUrl, self.location.href).href, mjs: new URL(loaderUrl, self.location.href).href };

const scope = self as unknown as { postMessage(message: WorkerReply, transfer?: Transferable[]): void; onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null };
const containerReady = createPolycamContainer(polycamModule, baselinesModule, ortWebBackendModule);
let backend: ModelBackend | undefined;
let running: AbortController | undefined;
let queue: Promise<void> = Promise.resolve();

function fail(error: unknown): void {
  const kind = error instanceof PolycamError ? error.kind : 'backend-failure';
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'failed';
  scope.postMessage({ type: 'error', kind, message });
}

function loaded(): ModelBackend {
  if (backend === undefined) throw new PolycamError('invalid-argument', 'no model is loaded');
  return backend;
}

async function handle(request: WorkerRequest): Promise<void> {
  const container = await containerReady;
  const explainer = container.get(TOKENS.Explainer);
  if (request.type === 'load') {
    const name = request.name.toLowerCase().endsWith('.onnx') ? request.name : `${request.name}.onnx`;
    const options: OrtWebLoadOptions & { backend: string } = { backend: 'onnxruntime-web', threads: request.threads, device: request.device };
    // The new model replaces the old one only once it has loaded: a corrupt file keeps the old.
    const next = await loadModel(container, { bytes: request.bytes, name }, options);
    await backend?.dispose();
    backend = next;
    const { description, capabilities } = backend;
    const info: ModelInfo = {
      inputShape: description.input.shape,
      outputSize: description.output.size,
      layers: description.layers.map((layer) => ({ name: layer.name, shape: layer.shape })),
      autoLayers: resolveLayers(description, 'auto'),
      methods: explainer.methods().map((method) => ({
        id: method.id,
        kind: method.kind,
        description: method.description,
        usable: method.requires.every((capability) => capabilities.has(capability)),
      })),
      runtime: { device: request.device, threads: ort.env.wasm.numThreads ?? request.threads },
    };
    scope.postMessage({ type: 'loaded', info });
  } else if (request.type === 'classify') {
    const { output } = await loaded().run({ input: { shape: [1, ...request.shape], data: request.input } });
    scope.postMessage({ type: 'classes', top: topClasses(output.data, 5) });
  } else if (request.type === 'explain') {
    const controller = new AbortController();
    running = controller;
    try {
      const prepared = explainer.prepare({
        backend: yieldingBackend(loaded(), controller.signal),
        input: { shape: [...request.shape], data: request.input },
        method: request.method,
        ...(request.classIndex === undefined ? {} : { classIndex: request.classIndex }),
        ...(request.layers === undefined ? {} : { layers: request.layers as string[] }),
        ...(request.batchSize === undefined ? {} : { batchSize: request.batchSize }),
        signal: controller.signal,
      });
      await new Promise<void>((resolve, reject) => {
        explainer.explain$(prepared).subscribe({
          next: (event) => {
            if (event.type === 'started') scope.postMessage({ type: 'started', total: event.total, classIndex: event.classIndex, score: event.score });
            else if (event.type === 'progress') scope.postMessage({ type: 'progress', done: event.done, total: event.total });
            else if (event.type === 'result') {
              const { result } = event;
              const stages = result.stages.map((stage) => ({ layer: stage.layer, map: stage.map.data }));
              scope.postMessage({
                type: 'result',
                result: {
                  map: result.map.data,
                  height: result.map.height,
                  width: result.map.width,
                  stages,
                  classIndex: result.classIndex,
                  score: result.score,
                  passes: result.passes,
                  method: result.method.preset,
                  layers: result.layers,
                  durationMs: result.durationMs,
                },
              });
            }
          },
          error: reject,
          complete: resolve,
        });
      });
    } finally {
      running = undefined;
    }
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'cancel') {
    running?.abort();
    return;
  }
  queue = queue.then(() => handle(request).catch(fail));
};
