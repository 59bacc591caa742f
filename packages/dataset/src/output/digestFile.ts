import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { FileDigest } from './FileDigest.js';

/**
 * The digest a record keeps of a file it names.
 *
 * @param path - The file's path.
 * @param bytes - Its content.
 * @returns Its name, size and SHA-256.
 */
export function digestFile(path: string, bytes: Uint8Array): FileDigest {
  return { file: basename(path), bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
}
