import type { PageExplainRequest } from './PageExplainRequest.js';
import type { PageExplainResult } from './PageExplainResult.js';

/**
 * The automation API the page exposes as `window.polycam`, for tests and scripts. Each call goes
 * through the same steps as the visible page: the model and image are loaded into it (and shown),
 * the image is preprocessed as `polycam explain` does (resized bilinearly to the model's input,
 * scaled to [0, 1], normalised), and the explanation runs in the page's Web Worker.
 *
 * @example
 * ```ts
 * const result = await page.evaluate(() =>
 *   window.polycam.explain({ modelUrl: '/demo/demo-cnn.onnx', imageUrl: '/demo/images/pair-00000.png', method: 'pcam±' }),
 * );
 * ```
 */
export interface PolycamPageApi {
  /**
   * Explains one image.
   *
   * @param request - The model, the image and the method.
   * @returns The map and what it explains; rejects with the page's one-line message on bad input.
   */
  explain(request: PageExplainRequest): Promise<PageExplainResult>;
  /**
   * Cancels the running explanation, which then rejects within one batch.
   */
  cancel(): void;
  /** Whether the page is cross-origin isolated, so that WASM can use threads. */
  readonly crossOriginIsolated: boolean;
}
