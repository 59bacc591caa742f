import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { bundledDemoModel } from '@polycam/synthetic';
import type { SavedResults } from '@polycam/web';

type Entry = SavedResults['entries'][number];

/** The demo's overlay suffixes and the methods they show (see `runDemoCommand`). */
const DEMO_METHODS: Record<string, string> = { pcampm: 'pcam±', pcamp: 'pcam+', pcamm: 'pcam-' };

function readJson(path: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function describe(record: Record<string, unknown>): string {
  const passes = record['passes'] as { run?: number; saved?: number } | undefined;
  const parts = [
    record['class'] === undefined ? undefined : `class ${String(record['class'])}${record['className'] ? ` ${String(record['className'])}` : ''}`,
    typeof record['score'] === 'number' ? `score ${record['score'].toFixed(4)}` : undefined,
    passes?.run === undefined ? undefined : `${passes.run} passes`,
  ];
  return parts.filter((part) => part !== undefined).join(', ');
}

/**
 * Reads a folder of saved results into the listing the web app shows (`results/index.json`), and
 * the files that listing may fetch: the folder's own files under `results/files/`, and the
 * images and models its records point at under `results/refs/` (only those: nothing else on the
 * disk is reachable). It recognises the folders that `polycam demo` writes (its overlays, with
 * the bundled demo images to explain again), that `polycam explain --out` writes (a JSON record
 * and an overlay per image), and a dataset run's (`index.jsonl` naming each job's map, record
 * and overlay); anything else is listed as its `.npy` maps and PNG files.
 *
 * @param folder - The results folder.
 * @returns The listing and the URL paths it serves, each to a file on disk.
 */
export function readSavedResults(folder: string): { listing: SavedResults; files: Map<string, string> } {
  const root = resolve(folder);
  const files = new Map<string, string>();
  const names = readdirSync(root).sort();
  const own = (path: string): string => {
    const url = `results/files/${relative(root, path).split(/[\\/]/).map(encodeURIComponent).join('/')}`;
    files.set(url, path);
    return url;
  };
  const referenced = (path: unknown): string | undefined => {
    if (typeof path !== 'string') return undefined;
    const found = [isAbsolute(path) ? path : resolve(path), resolve(root, path)].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
    if (found === undefined) return undefined;
    const url = `results/refs/${files.size}/${encodeURIComponent(basename(found))}`;
    files.set(url, found);
    return url;
  };
  const demo = bundledDemoModel();
  const modelOf = (path: unknown): string | undefined => (typeof path === 'string' && resolve(path) === demo.modelPath ? undefined : referenced(path));
  const entries: Entry[] = [];
  let kind: SavedResults['kind'] = 'files';
  let report: string | undefined;

  if (names.includes('index.html') && names.some((name) => name.endsWith('-stages.png'))) {
    kind = 'demo';
    report = own(join(root, 'index.html'));
    for (const name of names) {
      const match = /^(.*)-(pcampm|pcamp|pcamm|class-(.+))\.png$/.exec(name);
      if (match === null) continue;
      const stem = match[1]!;
      const bundled = join(demo.imagesFolder, 'test', `${stem}.png`);
      const image = existsSync(bundled) ? `demo/images/${stem}.png` : names.includes(`${stem}.png`) ? own(join(root, `${stem}.png`)) : undefined;
      const className = match[3];
      const classIndex = className === undefined ? undefined : demo.metadata.classes.indexOf(className);
      const method = className === undefined ? DEMO_METHODS[match[2]!]! : 'pcam±';
      entries.push({
        title: `${stem}.png · ${method}${className ? ` for ${className}` : ''}`,
        details: 'polycam demo overlay, on the recommended layers',
        overlay: own(join(root, name)),
        ...(image ? { image } : {}),
        method,
        ...(classIndex !== undefined && classIndex >= 0 ? { classIndex } : {}),
        layers: demo.metadata.recommendedLayers,
      });
    }
  } else if (names.includes('index.jsonl')) {
    kind = 'dataset';
    for (const line of readFileSync(join(root, 'index.jsonl'), 'utf8').split('\n')) {
      const job = line.trim() === '' ? undefined : (JSON.parse(line) as Record<string, unknown>);
      if (job === undefined || job['status'] !== 'done') continue;
      const inside = (path: unknown): string | undefined => (typeof path === 'string' && existsSync(join(root, path)) ? own(join(root, path)) : undefined);
      const record = typeof job['record'] === 'string' ? (readJson(join(root, job['record'])) ?? {}) : {};
      const method = record['method'] as { preset?: string } | undefined;
      const image = referenced(record['image']);
      const model = modelOf(record['model']);
      const overlay = inside(job['overlay']);
      const map = inside(job['map']);
      entries.push({
        title: `${String(job['image'] ?? job['key'])} · ${method?.preset ?? String(job['config'] ?? '')}`,
        details: describe(record),
        ...(overlay ? { overlay } : {}),
        ...(image ? { image } : {}),
        ...(model ? { model } : {}),
        ...(map ? { map } : {}),
      });
    }
  } else {
    for (const name of names.filter((candidate) => candidate.endsWith('.json'))) {
      const record = readJson(join(root, name));
      const method = record?.['method'] as { preset?: string } | undefined;
      if (record === undefined || typeof record['image'] !== 'string' || method?.preset === undefined) continue;
      kind = 'explain';
      const stem = basename(name, '.json');
      const image = referenced(record['image']);
      const model = modelOf(record['model']);
      entries.push({
        title: `${basename(record['image'])} · ${method.preset}`,
        details: describe(record),
        ...(names.includes(`${stem}.png`) ? { overlay: own(join(root, `${stem}.png`)) } : {}),
        ...(image ? { image } : {}),
        ...(model ? { model } : {}),
        method: method.preset,
        ...(typeof record['class'] === 'number' ? { classIndex: record['class'] } : {}),
        ...(Array.isArray(record['layers']) && record['layers'].length > 0 ? { layers: record['layers'] as string[] } : {}),
      });
    }
    if (kind === 'files') {
      for (const name of names.filter((candidate) => candidate.endsWith('.npy'))) {
        const stem = basename(name, '.npy');
        const picture = names.find((candidate) => candidate !== name && basename(candidate, extname(candidate)) === stem && /\.(png|jpe?g|webp)$/i.test(candidate));
        entries.push({ title: name, details: 'a saved map', map: own(join(root, name)), ...(picture ? { image: own(join(root, picture)) } : {}) });
      }
    }
  }
  return { listing: { folder, kind, ...(report ? { report } : {}), entries }, files };
}
