import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { PolycamError } from '@polycam/core';
import type { DatasetImage } from './DatasetImage.js';
import type { DatasetInput } from './DatasetInput.js';
import { imageExtensions } from './imageExtensions.js';

const toPosix = (path: string): string => path.split(sep).join('/');
const inside = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

async function walk(folder: string, exclude: readonly string[], found: string[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (exclude.some((excluded) => path === excluded || inside(excluded, path))) continue;
    if (entry.isDirectory()) await walk(path, exclude, found);
    else if (entry.isFile() && imageExtensions.includes(extname(entry.name).toLowerCase())) found.push(path);
  }
}

function commonFolder(paths: readonly string[]): string {
  let common = dirname(paths[0]!);
  for (const path of paths) {
    while (!inside(common, path)) {
      const parent = dirname(common);
      if (parent === common) return common;
      common = parent;
    }
  }
  return common;
}

function isManifest(value: unknown): value is { splits: Record<string, { file: string }[]> } {
  return typeof value === 'object' && value !== null && 'splits' in value && typeof (value as { splits: unknown }).splits === 'object';
}

function images(root: string, paths: readonly string[]): DatasetImage[] {
  const seen = new Set<string>();
  const list: DatasetImage[] = [];
  for (const path of paths) {
    const relativePath = toPosix(relative(root, path));
    if (seen.has(relativePath)) continue;
    seen.add(relativePath);
    list.push({ relativePath, path });
  }
  return list;
}

/**
 * Lists the images of a dataset input, each with the path relative to the input's root that
 * keys its job:
 *
 * - a folder: every image file in it and its sub-folders (by extension, see
 *   {@link imageExtensions}), hidden files and folders and the `exclude` folders skipped, sorted
 *   by path; the root is the folder;
 * - the `manifest.json` that `polycam generate-benchmark` writes: every split's images (train,
 *   validation, test), relative to the manifest's folder, which is the root;
 * - any other file: a text list, one path per line (blank lines and `#` comments skipped),
 *   relative to the list's folder; the root is that folder, or the deepest folder that holds
 *   every listed image when some lie outside it.
 *
 * A path listed twice is one image. A listed file that does not exist is still listed: its job
 * fails, not the run.
 *
 * @param input - The folder, manifest or list.
 * @param exclude - Folders never to list (the output folder, when it is inside the input).
 * @returns The images and their root.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `file-not-found` when the input
 *   does not exist, `invalid-argument` when it holds no image or is a malformed manifest.
 */
export async function listDatasetInput(input: string, exclude: readonly string[] = []): Promise<DatasetInput> {
  const path = resolve(input);
  let kind: DatasetInput['kind'];
  let root: string;
  let paths: string[];
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new PolycamError('file-not-found', `input '${input}' does not exist`, { cause: error });
  }
  if (info.isDirectory()) {
    kind = 'folder';
    root = path;
    paths = [];
    await walk(path, exclude.map((folder) => resolve(folder)), paths);
    paths.sort((a, b) => (toPosix(relative(root, a)) < toPosix(relative(root, b)) ? -1 : 1));
  } else {
    const text = await readFile(path, 'utf8');
    const folder = dirname(path);
    let parsed: unknown;
    if (extname(path).toLowerCase() === '.json') {
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        throw new PolycamError('invalid-argument', `input '${input}' is not valid JSON (${(error as Error).message})`, { cause: error });
      }
      if (!isManifest(parsed)) throw new PolycamError('invalid-argument', `input '${input}' is not a manifest.json of 'polycam generate-benchmark' (no splits)`);
    }
    if (isManifest(parsed)) {
      kind = 'manifest';
      root = folder;
      paths = Object.values(parsed.splits).flatMap((split) => (Array.isArray(split) ? split : []).map((image) => resolve(folder, image.file)));
      const outside = paths.find((file) => !inside(folder, file));
      if (outside !== undefined) throw new PolycamError('invalid-argument', `input '${input}' lists '${outside}', outside its folder`);
    } else {
      kind = 'list';
      paths = text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line.length > 0 && !line.startsWith('#'))
        .map((line) => resolve(folder, line));
      root = paths.every((file) => inside(folder, file)) || paths.length === 0 ? folder : commonFolder(paths);
    }
  }
  if (paths.length === 0) throw new PolycamError('invalid-argument', `input '${input}' holds no image`);
  return { kind, root, images: images(root, paths) };
}
