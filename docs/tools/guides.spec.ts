import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { snippetFiles } from './snippetFiles.js';
import { syncSnippets } from './syncSnippets.js';

const docs = fileURLToPath(new URL('..', import.meta.url));
const read = (file: string): string => readFileSync(`${docs}/${file}`, 'utf8');
const guides = readdirSync(docs).filter((file) => file.endsWith('.md'));
const snippets = readdirSync(`${docs}/snippets`).filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'));

describe('the guides in docs/', () => {
  it.each(guides)('%s shows every snippet exactly as its file holds it (run `npm run docs:snippets`)', async (guide) => {
    const text = read(guide);
    await expect(syncSnippets(text, read), `docs/${guide} is out of date: run \`npm run docs:snippets\``).toMatchFileSnapshot(`../${guide}`);
  });

  it.each(guides)('%s holds TypeScript only inside snippet blocks', (guide) => {
    const text = read(guide);
    const fences = text.match(/^```ts$/gm) ?? [];
    expect(fences.length, `docs/${guide}: every \`\`\`ts block must come from a snippet file`).toBe(snippetFiles(text).length === 0 ? 0 : [...text.matchAll(/<!-- snippet: /g)].length);
  });

  it('include every snippet file', () => {
    const included = new Set(guides.flatMap((guide) => snippetFiles(read(guide))));
    const missing = snippets.filter((file) => !included.has(`snippets/${file}`));
    expect(missing, 'snippets that no guide includes').toEqual([]);
  });

  it('are linked from the README and built into the API site', () => {
    const readme = readFileSync(`${docs}/../README.md`, 'utf8');
    const typedoc = JSON.parse(readFileSync(`${docs}/../typedoc.json`, 'utf8')) as { projectDocuments: string[] };
    for (const guide of guides) {
      expect(readme, `README.md links docs/${guide}`).toContain(`](docs/${guide})`);
      expect(typedoc.projectDocuments, `typedoc.json lists docs/${guide}`).toContain(`docs/${guide}`);
    }
  });
});
