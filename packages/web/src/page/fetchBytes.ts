import { PolycamError } from '@polycam/core';

/**
 * Fetches a file's bytes: from the page's origin, or from another origin that allows it (CORS).
 *
 * @param url - The file's URL.
 * @returns Its bytes.
 * @throws {@link PolycamError} `file-not-found` with one line when it cannot be fetched.
 */
export async function fetchBytes(url: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { mode: 'cors', credentials: 'same-origin' });
  } catch (error) {
    throw new PolycamError('file-not-found', `cannot fetch ${url} (a network error, or another origin that does not allow it)`, { cause: error });
  }
  if (!response.ok) throw new PolycamError('file-not-found', `cannot fetch ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
