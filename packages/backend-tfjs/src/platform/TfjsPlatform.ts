/**
 * The TF.js runtime a {@link TfjsBackend} computes on:
 *
 * - `wasm`: `@tensorflow/tfjs-backend-wasm`, the default (about ten times faster than `cpu`).
 * - `cpu`: the pure-JavaScript backend, the fallback when WebAssembly cannot start.
 * - `node`: libtensorflow through `@tensorflow/tfjs-node`, when the user has installed it.
 * - `node-gpu`: libtensorflow with CUDA through `@tensorflow/tfjs-node-gpu`, when installed.
 */
export type TfjsPlatform = 'wasm' | 'cpu' | 'node' | 'node-gpu';
