import { dirname } from 'node:path';
import { nearestExisting } from './nearestExisting.js';
import { pathKind } from './pathKind.js';

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  ENAMETOOLONG: 'the name is too long',
};

/**
 * Says in words why the file system refused to write `path`, never as a bare code: the file
 * that stands where a folder is needed, `permission denied`, `no such folder`, `it is a folder`.
 *
 * @param error - What the file system threw.
 * @param path - The file that was being written.
 * @returns The reason, for a one-line message.
 */
export async function fileSystemReason(error: unknown, path: string): Promise<string> {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOTDIR' || code === 'EEXIST') {
    const blocking = await nearestExisting(dirname(path));
    return (await pathKind(blocking)) === 'file' ? `'${blocking}' is a file` : 'a file stands where a folder is needed';
  }
  const reason = REASONS[code];
  if (reason !== undefined) return reason;
  // Node's own text, without its code and the repeated path: `EIO: i/o error, open '…'`.
  return (error as Error).message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*$/, '');
}
