import { createPolycamContainer } from '@polycam/core';
import { onnxBackendModule } from '@polycam/backend-onnx';
import { tfjsBackendModule } from '@polycam/backend-tfjs';
import { baselinesModule } from '@polycam/method-baselines';
import { polycamModule } from '@polycam/method-polycam';
import type { Container, ContainerModule } from 'inversify';

/**
 * The container every `polycam` command works in: core, the bundled methods and backends, and
 * any plugin modules the user loaded.
 *
 * @param plugins - Extra container modules, loaded after the bundled ones.
 * @returns The ready container.
 */
export async function createCliContainer(plugins: readonly ContainerModule[] = []): Promise<Container> {
  return createPolycamContainer(polycamModule, baselinesModule, onnxBackendModule, tfjsBackendModule, ...plugins);
}
