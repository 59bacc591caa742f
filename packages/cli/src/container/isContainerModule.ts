import { ContainerModule } from 'inversify';

/**
 * Tells whether a value is an inversify container module, including one made by another copy
 * of inversify (a plugin installed with its own): anything with a numeric `id` and a `load`
 * method is loaded the same way.
 *
 * @param value - Any value, typically a module's export.
 * @returns True for a container module.
 */
export function isContainerModule(value: unknown): value is ContainerModule {
  if (value instanceof ContainerModule) return true;
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { id?: unknown; load?: unknown };
  return typeof candidate.id === 'number' && typeof candidate.load === 'function';
}
