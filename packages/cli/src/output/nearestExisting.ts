import { dirname } from 'node:path';
import { pathKind } from './pathKind.js';

/**
 * The path itself when something stands there, else its nearest ancestor that exists: the
 * place where writing it would start creating folders, or the file that is in the way.
 *
 * @param path - The path.
 * @returns The nearest existing path (the root at worst).
 */
export async function nearestExisting(path: string): Promise<string> {
  let current = path;
  while ((await pathKind(current)) === 'missing' && dirname(current) !== current) {
    current = dirname(current);
  }
  return current;
}
