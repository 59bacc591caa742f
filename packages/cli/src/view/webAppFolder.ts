import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PolycamError } from '@polycam/core';

/**
 * Where the built web app is: `@polycam/web`'s `dist/app`, which `npm run build` (and so
 * `npm ci`) writes.
 *
 * @returns The folder, holding `index.html`.
 * @throws {@link PolycamError} `file-not-found` when the app has not been built.
 */
export function webAppFolder(): string {
  const manifest = createRequire(import.meta.url).resolve('@polycam/web/package.json');
  const folder = join(dirname(manifest), 'dist', 'app');
  if (!existsSync(join(folder, 'index.html'))) {
    throw new PolycamError('file-not-found', `the web app is not built (no ${join(folder, 'index.html')}); run npm run build`);
  }
  return folder;
}
