import type { OrtWebDevice } from '@polycam/backend-onnx-web';

/** A message from the page to the explain worker. */
export type WorkerRequest =
  | { readonly type: 'load'; readonly bytes: Uint8Array; readonly name: string; readonly threads: number; readonly device: OrtWebDevice }
  | { readonly type: 'classify'; readonly input: Float32Array; readonly shape: readonly number[] }
  | {
      readonly type: 'explain';
      readonly input: Float32Array;
      readonly shape: readonly number[];
      readonly method: string;
      readonly classIndex?: number;
      readonly layers?: 'auto' | 'last' | readonly string[];
      readonly batchSize?: number;
    }
  | { readonly type: 'cancel' };
