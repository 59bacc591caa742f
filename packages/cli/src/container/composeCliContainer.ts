import type { Container } from 'inversify';
import { createCliContainer } from './createCliContainer.js';
import { loadPlugins } from './loadPlugins.js';

/**
 * Composes a command's container: core, the bundled methods and backends, then the `--plugin`
 * modules in the order given.
 *
 * @param plugins - What the user wrote after each `--plugin`.
 * @returns The ready container.
 * @throws {@link PolycamError} when a plugin is missing, fails to load or exports no container
 *   module.
 */
export async function composeCliContainer(plugins: readonly string[]): Promise<Container> {
  return createCliContainer(await loadPlugins(plugins));
}
