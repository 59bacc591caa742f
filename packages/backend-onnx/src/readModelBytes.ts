import { readFile } from 'node:fs/promises';
import { PolycamError, type ModelSource } from '@polycam/core';

/**
 * Reads a model source's bytes, with clear errors for a missing or unreadable file.
 *
 * @internal
 * @param source - A path or bytes.
 * @returns The bytes and a name for messages.
 * @throws {@link PolycamError} `file-not-found` when the file cannot be read, `invalid-model`
 *   when it is empty.
 */
export async function readModelBytes(source: ModelSource): Promise<{ bytes: Uint8Array; name: string }> {
  if ('bytes' in source) {
    return { bytes: source.bytes, name: source.name ?? 'the model' };
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(source.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code ?? 'error'})`;
    throw new PolycamError('file-not-found', `model file '${source.path}' ${why}`, { cause: error });
  }
  if (bytes.length === 0) {
    throw new PolycamError('invalid-model', `model file '${source.path}' is empty`);
  }
  return { bytes, name: `'${source.path}'` };
}
