import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository's root, where the scripts keep their data (`data/benchmark/`,
 * `data/benchmark-test/`): the nearest folder, from the working directory up, whose
 * `package.json` declares npm `workspaces`. `npm run` starts scripts in that folder, and from
 * any folder inside the repository the walk finds it.
 *
 * @param from - Where to start; default the working directory.
 * @returns The root's absolute path.
 * @throws Error when no folder above `from` is a workspace root.
 */
export function workspaceRoot(from: string = process.cwd()): string {
  for (let folder = from; ; folder = dirname(folder)) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && 'workspaces' in (JSON.parse(readFileSync(manifest, 'utf8')) as object)) return folder;
    if (dirname(folder) === folder) throw new Error(`no npm workspace root (a package.json with "workspaces") at or above ${from}`);
  }
}
