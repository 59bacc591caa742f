import type { OrtWebDevice } from '@polycam/backend-onnx-web';
import type { ModelInfo } from '../worker/ModelInfo.js';
import type { WorkerReply } from '../worker/WorkerReply.js';
import type { WorkerRequest } from '../worker/WorkerRequest.js';
import type { WorkerResult } from '../worker/WorkerResult.js';

/** An error the worker reported: its polycam error kind and one line. */
class WorkerError extends Error {
  public constructor(
    public readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The page's side of the explain worker: one request at a time, each a promise, with the
 * explanation's progress passed to a callback and a cancel that the worker honours within one
 * batch.
 */
export class ExplainClient {
  private readonly worker: Worker;
  private pending: { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void; expect: WorkerReply['type'] } | undefined;
  private onProgress: ((done: number, total: number) => void) | undefined;
  private chain: Promise<unknown> = Promise.resolve();

  /**
   * Starts a worker for one runtime.
   *
   * @param threads - WASM threads (read once by onnxruntime-web, hence one worker per setting).
   * @param device - `wasm` or `webgpu`.
   */
  public constructor(
    public readonly threads: number,
    public readonly device: OrtWebDevice,
  ) {
    this.worker = new Worker(new URL('../worker/explainWorker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<WorkerReply>) => this.receive(event.data);
    this.worker.onerror = (event) => {
      this.pending?.reject(new WorkerError('backend-failure', event.message || 'the worker failed'));
      this.pending = undefined;
    };
  }

  private receive(reply: WorkerReply): void {
    if (reply.type === 'progress') {
      this.onProgress?.(reply.done, reply.total);
      return;
    }
    if (reply.type === 'started') {
      this.onProgress?.(0, reply.total);
      return;
    }
    const pending = this.pending;
    if (pending === undefined) return;
    this.pending = undefined;
    if (reply.type === 'error') pending.reject(new WorkerError(reply.kind, reply.message));
    else pending.resolve(reply);
  }

  private send<T extends WorkerReply['type']>(request: WorkerRequest, expect: T, transfer: Transferable[] = []): Promise<Extract<WorkerReply, { type: T }>> {
    const next = this.chain.then(
      () =>
        new Promise<WorkerReply>((resolve, reject) => {
          this.pending = { resolve, reject, expect };
          this.worker.postMessage(request, transfer);
        }),
    );
    this.chain = next.catch(() => undefined);
    return next as Promise<Extract<WorkerReply, { type: T }>>;
  }

  /**
   * Loads a model into the worker.
   *
   * @param bytes - The `.onnx` file's bytes (copied, so the caller keeps its own).
   * @param name - The file name, for messages.
   * @returns What the model looks like and which methods it can run.
   */
  public async load(bytes: Uint8Array, name: string): Promise<ModelInfo> {
    const copy = bytes.slice();
    return (await this.send({ type: 'load', bytes: copy, name, threads: this.threads, device: this.device }, 'loaded', [copy.buffer])).info;
  }

  /**
   * The model's five best classes on a preprocessed image.
   *
   * @param input - The `[C, H, W]` input.
   * @param shape - Its shape.
   * @returns The classes and softmax scores, best first.
   */
  public async classify(input: Float32Array, shape: readonly number[]): Promise<readonly { index: number; score: number }[]> {
    return (await this.send({ type: 'classify', input: input.slice(), shape }, 'classes')).top;
  }

  /**
   * Explains a preprocessed image.
   *
   * @param request - The input and the method, class and layers.
   * @param onProgress - Receives evaluations done and planned.
   * @returns The maps.
   */
  public async explain(
    request: Omit<Extract<WorkerRequest, { type: 'explain' }>, 'type'>,
    onProgress: (done: number, total: number) => void,
  ): Promise<WorkerResult> {
    this.onProgress = onProgress;
    try {
      return (await this.send({ type: 'explain', ...request, input: request.input.slice() }, 'result')).result;
    } finally {
      this.onProgress = undefined;
    }
  }

  /** Asks the worker to stop the running explanation; its promise then rejects with kind `aborted`. */
  public cancel(): void {
    this.worker.postMessage({ type: 'cancel' } satisfies WorkerRequest);
  }

  /** Stops the worker and its model. */
  public terminate(): void {
    this.worker.terminate();
    this.pending?.reject(new WorkerError('aborted', 'the worker was stopped'));
    this.pending = undefined;
  }
}
