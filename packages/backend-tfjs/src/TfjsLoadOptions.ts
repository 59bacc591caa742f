import type { BackendLoadOptions } from '@polycam/core';
import type { TfjsPlatform } from './platform/TfjsPlatform.js';

/**
 * Options of {@link TfjsBackend.load}.
 */
export interface TfjsLoadOptions extends BackendLoadOptions {
  /** The TF.js platform; chosen automatically when omitted (see {@link activatePlatform}). */
  readonly platform?: TfjsPlatform;
  /** Threads of the WASM platform, honoured only before WASM first starts in the process. */
  readonly threads?: number;
  /**
   * The layer (LayersModel) or node (GraphModel) whose output is scored, when not the only
   * output: any layer will do (a spatial one is given channels first, `[K, h, w]`).
   */
  readonly output?: string;
}
