import { Container, type ContainerModule } from 'inversify';
import { coreModule } from './coreModule.js';

/**
 * Builds an inversify container with core's module and the plugin modules you pass, such as
 * `polycamModule` (methods) and `onnxBackendModule` (a runtime).
 *
 * @example
 * ```ts
 * const container = await createPolycamContainer(polycamModule, onnxBackendModule);
 * const explainer = container.get(TOKENS.Explainer);
 * ```
 *
 * @param modules - The plugin modules to load, after core's.
 * @returns The ready container.
 */
export async function createPolycamContainer(...modules: ContainerModule[]): Promise<Container> {
  const container = new Container();
  await container.load(coreModule, ...modules);
  return container;
}
