/**
 * Poly-CAM in the browser: a Vite app that explains an ONNX model's predictions in the page, on
 * onnxruntime-web in a Web Worker, with nothing uploaded. This entry point holds the types of the
 * automation API that the page exposes as `window.polycam`; the app itself is built into
 * `dist/app` (`npm run build -w @polycam/web`) and served by `polycam view`.
 *
 * @packageDocumentation
 */
export type { PageExplainRequest } from './api/PageExplainRequest.js';
export type { PageExplainResult } from './api/PageExplainResult.js';
export type { PolycamPageApi } from './api/PolycamPageApi.js';
export type { SavedResults } from './api/SavedResults.js';
