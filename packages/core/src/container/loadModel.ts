import type { Container } from 'inversify';
import type { BackendLoadOptions } from '../backend/BackendLoadOptions.js';
import type { ModelBackend } from '../backend/ModelBackend.js';
import type { ModelSource } from '../backend/ModelSource.js';
import { PolycamError } from '../errors/PolycamError.js';
import { TOKENS } from '../tokens.js';

/**
 * Loads a model with the first bound backend factory that recognises it, or with the one you
 * name.
 *
 * @example
 * ```ts
 * const backend = await loadModel(container, { path: 'model.onnx' }, { threads: 2 });
 * ```
 *
 * @param container - A container with at least one backend module loaded.
 * @param source - The model's path or bytes.
 * @param options - Load options, plus `backend` to force a runtime by id.
 * @returns The loaded backend; dispose it when done.
 * @throws {@link PolycamError} `invalid-argument` when no bound factory can load the source
 *   (naming its path), and whatever the factory throws.
 */
export async function loadModel(
  container: Container,
  source: ModelSource,
  options: BackendLoadOptions & { readonly backend?: string } = {},
): Promise<ModelBackend> {
  const factories = container.isBound(TOKENS.BackendFactory) ? container.getAll(TOKENS.BackendFactory) : [];
  const factory =
    options.backend === undefined
      ? factories.find((candidate) => candidate.canLoad(source))
      : factories.find((candidate) => candidate.id === options.backend);
  if (factory === undefined) {
    const known = factories.map((candidate) => candidate.id).join(', ') || 'none';
    const model = 'path' in source ? `model '${source.path}'` : 'name' in source && source.name ? `model ${source.name}` : 'this model';
    const what = options.backend === undefined ? model : `backend '${options.backend}'`;
    throw new PolycamError('invalid-argument', `no loaded backend module can load ${what} (available: ${known})`);
  }
  return factory.load(source, options);
}
