import { PolycamError, type ModelSource } from '@polycam/core';

/**
 * Reads a model source: bytes as they are, or a file path with Node's `fs` (imported only
 * then, so that browsers, which pass bytes, never need it).
 *
 * @param source - A path or bytes.
 * @returns The bytes and a name for messages.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `file-not-found` when the file cannot be read.
 */
export async function readModelSource(source: ModelSource): Promise<{ bytes: Uint8Array; name: string }> {
  if ('bytes' in source) return { bytes: source.bytes, name: source.name ?? 'the model' };
  const { readFile } = await import('node:fs/promises');
  try {
    return { bytes: new Uint8Array(await readFile(source.path)), name: `'${source.path}'` };
  } catch (error) {
    throw new PolycamError('file-not-found', `model file '${source.path}' cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { cause: error });
  }
}
