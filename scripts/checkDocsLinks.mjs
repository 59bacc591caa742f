// @ts-check
/**
 * Checks every link of a generated HTML site: each relative `href` or `src` must name a file
 * of the site, and each `#fragment` an element id (or anchor name) in that file. External
 * links are not followed. Prints the broken links and exits with status 1 if there are any.
 *
 * Usage: node scripts/checkDocsLinks.mjs docs/api
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'docs/api');

/** @param {string} folder @returns {string[]} */
function htmlFiles(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** @type {Map<string, Set<string>>} */
const idsByFile = new Map();
/** @param {string} file @returns {Set<string>} */
function ids(file) {
  let found = idsByFile.get(file);
  if (found === undefined) {
    const html = readFileSync(file, 'utf8');
    found = new Set([...html.matchAll(/\s(?:id|name)="([^"]*)"/g)].map((match) => decodeURIComponent(match[1] ?? '')));
    idsByFile.set(file, found);
  }
  return found;
}

const pages = htmlFiles(root);
const broken = [];
let checked = 0;
for (const page of pages) {
  const html = readFileSync(page, 'utf8');
  for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
    const link = (match[1] ?? '').replace(/&amp;/g, '&');
    if (link === '' || /^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')) continue;
    checked += 1;
    const [path = '', fragment] = link.split('#');
    const target = path === '' ? page : resolve(dirname(page), decodeURIComponent(path.split('?')[0] ?? ''));
    if (!existsSync(target)) {
      broken.push(`${relative(root, page)}: ${link} (no such file)`);
    } else if (fragment !== undefined && fragment !== '' && target.endsWith('.html') && !ids(target).has(decodeURIComponent(fragment))) {
      broken.push(`${relative(root, page)}: ${link} (no such anchor)`);
    }
  }
}
if (pages.length === 0) broken.push(`no HTML pages under ${root}`);
for (const line of broken) console.error(`broken link: ${line}`);
console.log(`${checked} links in ${pages.length} pages checked, ${broken.length} broken`);
process.exitCode = broken.length === 0 ? 0 : 1;
