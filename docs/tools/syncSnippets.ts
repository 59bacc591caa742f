import { snippetMarker } from './snippetMarker.js';

/** Cuts the lines between `// #region name` and `// #endregion name`, without the markers. */
function region(source: string, name: string, file: string): string {
  const lines = source.split('\n');
  const start = lines.findIndex((line) => line.trim() === `// #region ${name}`);
  const end = lines.findIndex((line) => line.trim() === `// #endregion ${name}`);
  if (start < 0 || end < start) throw new Error(`${file} has no region '${name}'`);
  const body = lines.slice(start + 1, end);
  const indent = Math.min(...body.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length));
  return body.map((line) => line.slice(indent)).join('\n');
}

/**
 * Rewrites every snippet block of a guide with the current text of the file it names (a whole
 * file, or one `#region` of it; region markers are left out), leaving the prose as it is. A guide is
 * up to date when this returns it unchanged.
 *
 * @param markdown - The guide.
 * @param read - Reads a snippet file, by the path written in the marker (relative to `docs/`).
 * @returns The guide with every snippet block refreshed.
 * @throws Error when a marker names a region that the file lacks.
 */
export function syncSnippets(markdown: string, read: (file: string) => string): string {
  return markdown.replace(snippetMarker, (_block, file: string, name: string | undefined) => {
    const source = read(file);
    const whole = source.split('\n').filter((line) => !/^\s*\/\/ #(end)?region /.test(line)).join('\n');
    const code = (name === undefined ? whole : region(source, name, file)).replace(/\n+$/, '');
    const marker = name === undefined ? file : `${file}#${name}`;
    return `<!-- snippet: ${marker} -->\n\`\`\`ts\n${code}\n\`\`\`\n<!-- /snippet -->`;
  });
}
