import type { InputLayout } from './InputLayout.js';

/**
 * Options common to every backend's loader. Backends may accept more.
 */
export interface BackendLoadOptions {
  /** Number of threads for one operator (the intra-op pool); the runtime's default if omitted. */
  readonly threads?: number;
  /** Forces the input layout instead of detecting it from the input's shape. */
  readonly layout?: InputLayout;
}
