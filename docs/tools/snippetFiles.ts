import { snippetMarker } from './snippetMarker.js';

/**
 * The snippet files a guide includes, as written in its markers (relative to `docs/`).
 *
 * @param markdown - The guide.
 * @returns The included files, once each.
 */
export function snippetFiles(markdown: string): string[] {
  return [...new Set([...markdown.matchAll(snippetMarker)].map((match) => match[1]!))];
}
