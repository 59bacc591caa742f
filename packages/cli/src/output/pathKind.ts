import { stat } from 'node:fs/promises';

/**
 * What stands at a path, following links.
 *
 * @param path - The path.
 * @returns `folder`, `file` (anything else that exists), or `missing` (nothing, or unreachable).
 */
export async function pathKind(path: string): Promise<'file' | 'folder' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}
