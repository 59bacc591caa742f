import type { ModelInfo } from './ModelInfo.js';
import type { WorkerResult } from './WorkerResult.js';

/** A message from the explain worker to the page. */
export type WorkerReply =
  | { readonly type: 'loaded'; readonly info: ModelInfo }
  | { readonly type: 'classes'; readonly top: readonly { readonly index: number; readonly score: number }[] }
  | { readonly type: 'started'; readonly total: number; readonly classIndex: number | undefined; readonly score: number }
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'result'; readonly result: WorkerResult }
  | { readonly type: 'error'; readonly kind: string; readonly message: string };
