/**
 * Where onnxruntime-web runs a model: `wasm` (CPU, with threads where the page is
 * cross-origin isolated) or `webgpu`.
 */
export type OrtWebDevice = 'wasm' | 'webgpu';
