import { mkdir, writeFile } from 'node:fs/promises';
import { encodeNpy } from '@polycam/core/io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../cli.testkit.js';
import { readSavedResults } from './readSavedResults.js';

// A dataset run's folder as issue 14 specifies it (index.jsonl naming each job's map, record and
// overlay under its configuration's folder), and a plain folder of maps.
describe('readSavedResults', () => {
  let dir: TempDir;

  beforeAll(async () => {
    dir = await makeTempDir('polycam-saved-');
    await mkdir(dir.at('run', 'cfg1'), { recursive: true });
    await writeFile(dir.at('cat.png'), 'png bytes');
    await writeFile(dir.at('run', 'cfg1', 'cat.png.npy'), encodeNpy({ shape: [2, 2], data: new Float32Array(4) }));
    await writeFile(dir.at('run', 'cfg1', 'cat.png.overlay.png'), 'png bytes');
    await writeFile(dir.at('run', 'cfg1', 'cat.png.json'), JSON.stringify({ image: dir.at('cat.png'), method: { preset: 'pcam±' }, class: 2, score: 0.5, passes: { run: 9, saved: 1 } }));
    const jobs = [
      { key: 'a', image: 'cat.png', config: 'cfg1', status: 'done', map: 'cfg1/cat.png.npy', record: 'cfg1/cat.png.json', overlay: 'cfg1/cat.png.overlay.png' },
      { key: 'b', image: 'dog.png', config: 'cfg1', status: 'failed', kind: 'invalid-image', reason: 'not an image' },
    ];
    await writeFile(dir.at('run', 'index.jsonl'), `${jobs.map((job) => JSON.stringify(job)).join('\n')}\n`);
    await mkdir(dir.at('maps'));
    await writeFile(dir.at('maps', 'x.npy'), encodeNpy({ shape: [1, 1], data: new Float32Array(1) }));
    await writeFile(dir.at('maps', 'x.jpg'), 'jpeg bytes');
  });
  afterAll(async () => {
    await dir.remove();
  });

  it("lists a dataset run's done jobs with their map, overlay, record and image", () => {
    const { listing, files } = readSavedResults(dir.at('run'));
    expect(listing.kind).toBe('dataset');
    expect(listing.entries).toEqual([
      {
        title: 'cat.png · pcam±',
        details: 'class 2, score 0.5000, 9 passes',
        overlay: 'results/files/cfg1/cat.png.overlay.png',
        map: 'results/files/cfg1/cat.png.npy',
        image: expect.stringMatching(/^results\/refs\/\d+\/cat\.png$/),
      },
    ]);
    expect(files.get(listing.entries[0]!.image!)).toBe(dir.at('cat.png'));
    expect(files.get('results/files/cfg1/cat.png.npy')).toBe(dir.at('run', 'cfg1', 'cat.png.npy'));
  });

  it('lists a plain folder as its maps, each with the picture of the same name', () => {
    const { listing, files } = readSavedResults(dir.at('maps'));
    expect(listing).toEqual({ folder: dir.at('maps'), kind: 'files', entries: [{ title: 'x.npy', details: 'a saved map', map: 'results/files/x.npy', image: 'results/files/x.jpg' }] });
    expect([...files.values()].sort()).toEqual([dir.at('maps', 'x.jpg'), dir.at('maps', 'x.npy')]);
  });
});
