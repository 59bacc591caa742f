/** What the worker tells the page about a model it loaded. */
export interface ModelInfo {
  /** The input's `[C, H, W]`. */
  readonly inputShape: readonly [number, number, number];
  /** The number of output classes. */
  readonly outputSize: number;
  /** Every layer, in forward order, with its `[K, h, w]` shape. */
  readonly layers: readonly { readonly name: string; readonly shape: readonly number[] }[];
  /** The layers `auto` picks, in forward order. */
  readonly autoLayers: readonly string[];
  /** Every registered method, and whether this backend can run it (no gradients here). */
  readonly methods: readonly { readonly id: string; readonly kind: 'preset' | 'attribution'; readonly description: string; readonly usable: boolean }[];
  /** What runs the model: `wasm` or `webgpu`, and the WASM threads. */
  readonly runtime: { readonly device: 'wasm' | 'webgpu'; readonly threads: number };
}
