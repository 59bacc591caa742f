import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PolycamError } from '@polycam/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listDatasetInput } from './listDatasetInput.js';

let dir: string;
const touch = async (...parts: string[]): Promise<string> => {
  const path = join(dir, ...parts);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, 'x');
  return path;
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'polycam-list-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('listDatasetInput', () => {
  it('lists a folder recursively, images only, sorted, keyed by relative path so that equal names never collide', async () => {
    await touch('data', 'b', 'cat.png');
    await touch('data', 'a', 'cat.png');
    await touch('data', 'a', 'cat.JPG');
    await touch('data', 'notes.txt');
    await touch('data', '.hidden', 'x.png');
    await touch('data', '.dot.png');
    await touch('data', 'out', 'map.png');
    const listed = await listDatasetInput(join(dir, 'data'), [join(dir, 'data', 'out')]);
    expect(listed.kind).toBe('folder');
    expect(listed.root).toBe(join(dir, 'data'));
    expect(listed.images.map((image) => image.relativePath)).toEqual(['a/cat.JPG', 'a/cat.png', 'b/cat.png']);
    expect(listed.images[2]!.path).toBe(join(dir, 'data', 'b', 'cat.png'));
  });

  it('reads a text list relative to its folder, skipping blanks, comments and repeats', async () => {
    await touch('set', 'x', 'one.png');
    await writeFile(join(dir, 'set', 'list.txt'), '# my images\nx/one.png\n\n  x/two.png  \nx/one.png\n');
    const listed = await listDatasetInput(join(dir, 'set', 'list.txt'));
    expect(listed.kind).toBe('list');
    expect(listed.root).toBe(join(dir, 'set'));
    // A listed file that does not exist stays: its job fails, not the listing.
    expect(listed.images.map((image) => image.relativePath)).toEqual(['x/one.png', 'x/two.png']);
  });

  it('roots a list whose paths leave its folder at the deepest folder that holds them all', async () => {
    const a = await touch('d1', 'p', 'a.png');
    const b = await touch('d1', 'q', 'b.png');
    await writeFile(join(dir, 'lists.txt'), `${a}\n${b}\n`);
    await mkdir(join(dir, 'elsewhere'));
    await writeFile(join(dir, 'elsewhere', 'l.txt'), `${a}\n${b}\n`);
    const listed = await listDatasetInput(join(dir, 'elsewhere', 'l.txt'));
    expect(listed.root).toBe(join(dir, 'd1'));
    expect(listed.images.map((image) => image.relativePath)).toEqual(['p/a.png', 'q/b.png']);
  });

  it("reads generate-benchmark's manifest.json: every split's files", async () => {
    const manifest = { version: 1, seed: 1, size: 48, classes: ['disk'], splits: { train: [{ file: 'train/single-00000.png' }], validation: [], test: [{ file: 'test/pair-00000.png' }] } };
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const listed = await listDatasetInput(join(dir, 'manifest.json'));
    expect(listed.kind).toBe('manifest');
    expect(listed.images.map((image) => image.relativePath)).toEqual(['train/single-00000.png', 'test/pair-00000.png']);
  });

  it('refuses a missing input, an empty one and a JSON file that is not a manifest', async () => {
    await expect(listDatasetInput(join(dir, 'nope'))).rejects.toSatisfy((error) => PolycamError.is(error, 'file-not-found'));
    await mkdir(join(dir, 'empty'));
    await expect(listDatasetInput(join(dir, 'empty'))).rejects.toThrow(/holds no image/);
    await writeFile(join(dir, 'other.json'), '{"a":1}');
    await expect(listDatasetInput(join(dir, 'other.json'))).rejects.toThrow(/not a manifest/);
  });
});
