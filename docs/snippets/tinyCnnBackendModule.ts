import { readFile } from 'node:fs/promises';
import { PolycamError, TOKENS, type ModelSource } from '@polycam/core';
import { ContainerModule } from 'inversify';
import { TinyCnnBackend } from './TinyCnnBackend.js';
import type { TinyCnnWeights } from './TinyCnnWeights.js';

/**
 * Registers a backend factory for `.tinycnn.json` files, so that `loadModel` picks the tiny
 * backend for them, and so that the runtime can be named with `{ backend: 'tiny-cnn' }`.
 */
export const tinyCnnBackendModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.BackendFactory).toConstantValue({
    id: 'tiny-cnn',
    canLoad: (source: ModelSource) => 'path' in source && source.path.endsWith('.tinycnn.json'),
    async load(source: ModelSource) {
      const text = 'path' in source ? await readFile(source.path, 'utf8').catch(() => undefined) : new TextDecoder().decode(source.bytes);
      if (text === undefined) throw new PolycamError('file-not-found', 'cannot read the tiny-cnn model file');
      return new TinyCnnBackend(JSON.parse(text) as TinyCnnWeights);
    },
  });
});
