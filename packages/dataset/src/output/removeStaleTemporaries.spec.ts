import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStaleTemporaries } from './removeStaleTemporaries.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'polycam-stale-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('removeStaleTemporaries', () => {
  it("removes only writeFileAtomic's leftovers, in every sub-folder", async () => {
    await mkdir(join(dir, 'a', 'b'), { recursive: true });
    await writeFile(join(dir, 'a', 'b', '.cat.png.npy.0123456789ab.tmp'), 'half');
    await writeFile(join(dir, '.x.json.abcdefabcdef.tmp'), 'half');
    await writeFile(join(dir, 'a', 'b', 'cat.png.npy'), 'whole');
    await writeFile(join(dir, '.notes.tmp'), 'mine');
    expect(await removeStaleTemporaries(dir)).toBe(2);
    expect((await readdir(dir, { recursive: true })).sort()).toEqual(['.notes.tmp', 'a', 'a/b', 'a/b/cat.png.npy']);
    expect(await removeStaleTemporaries(join(dir, 'absent'))).toBe(0);
  });
});
