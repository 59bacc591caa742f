import type { BackendFactory, ModelSource } from '@polycam/core';
import { TfjsBackend } from './TfjsBackend.js';
import type { TfjsLoadOptions } from './TfjsLoadOptions.js';

/**
 * Loads TF.js `model.json` files with {@link TfjsBackend}. Bound by {@link tfjsBackendModule}.
 */
export class TfjsBackendFactory implements BackendFactory {
  public readonly id = 'tfjs';

  /**
   * @param source - A model source.
   * @returns True for a path ending in `.json` (a TF.js `model.json`).
   */
  public canLoad(source: ModelSource): boolean {
    return 'path' in source && source.path.toLowerCase().endsWith('.json');
  }

  /**
   * @param source - The `model.json` path.
   * @param options - Platform, threads, layout and output.
   * @returns The loaded backend.
   */
  public load(source: ModelSource, options?: TfjsLoadOptions): Promise<TfjsBackend> {
    return TfjsBackend.load(source, options);
  }
}
