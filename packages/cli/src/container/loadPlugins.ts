import { PolycamError } from '@polycam/core';
import type { ContainerModule } from 'inversify';
import { importPlugin } from './importPlugin.js';
import { isContainerModule } from './isContainerModule.js';

/**
 * Loads the plugins named with `--plugin`. A plugin is an ES module (a file or an installed
 * package) that exports an inversify container module, either as the named export
 * `polycamPlugin` or as its default export; `polycamPlugin` wins when both exist. The module
 * binds whatever it adds: weighting strategies, fusions, presets or backend factories.
 *
 * @example
 * ```ts
 * // my-plugin.js, loaded with `polycam explain img.png --plugin ./my-plugin.js --method mine`
 * export const polycamPlugin = new ContainerModule(({ bind }) => {
 *   bind(TOKENS.WeightingStrategy).toConstantValue(myStrategy);
 *   bind(TOKENS.MethodPreset).toConstantValue({ id: 'mine', aliases: [], strategy: myStrategy.id, fusion: 'lnorm', description: '...' });
 * });
 * ```
 *
 * @param specifiers - File paths or package names, in the order given.
 * @param cwd - The folder relative paths and local packages are resolved from.
 * @returns One container module per plugin, in the same order.
 * @throws {@link PolycamError} `file-not-found` for a missing plugin, `invalid-plugin` for one
 *   that fails to load or exports no container module.
 */
export async function loadPlugins(specifiers: readonly string[], cwd: string = process.cwd()): Promise<ContainerModule[]> {
  const modules: ContainerModule[] = [];
  for (const specifier of specifiers) {
    const namespace = await importPlugin(specifier, cwd);
    const candidate = namespace.polycamPlugin ?? namespace.default;
    if (!isContainerModule(candidate)) {
      throw new PolycamError(
        'invalid-plugin',
        `plugin '${specifier}' exports no container module: export one as 'polycamPlugin' or as the default export`,
      );
    }
    modules.push(candidate);
  }
  return modules;
}
