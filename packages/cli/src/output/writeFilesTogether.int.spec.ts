import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { PolycamError } from '@polycam/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTree, makeTempDir, type TempDir } from '../cli.testkit.js';
import { writeFilesTogether } from './writeFilesTogether.js';

let dir: TempDir;

beforeAll(async () => {
  dir = await makeTempDir();
  await writeFile(dir.at('file.txt'), 'x');
});

afterAll(async () => {
  await dir?.remove();
});

async function failure(work: Promise<unknown>): Promise<PolycamError> {
  const error = await work.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(PolycamError);
  expect((error as PolycamError).kind).toBe('output-failure');
  expect((error as Error).message).not.toMatch(/\bE[A-Z]{3,}\b/);
  return error as PolycamError;
}

describe('writeFilesTogether', () => {
  it('writes every file, creating the folders they need', async () => {
    await writeFilesTogether([{ path: dir.at('made', 'deep', 'a.json'), bytes: '{}' }, { path: dir.at('made', 'b.bin'), bytes: Uint8Array.of(1, 2) }]);
    expect(await listTree(dir.at('made'))).toEqual(['b.bin', 'deep', 'deep/a.json']);
    expect(await readFile(dir.at('made', 'deep', 'a.json'), 'utf8')).toBe('{}');
  });

  it('removes the folders it created when a later file fails, and names the file that is in the way', async () => {
    const error = await failure(
      writeFilesTogether([
        { path: dir.at('fresh', 'out', 'a.png'), bytes: 'a' },
        { path: dir.at('file.txt', 'sub', 'maps.npz'), bytes: 'b' },
      ]),
    );
    expect(error.message).toBe(`cannot write '${dir.at('file.txt', 'sub', 'maps.npz')}': '${dir.at('file.txt')}' is a file`);
    expect(await listTree(dir.path)).toEqual(['file.txt', 'made', 'made/b.bin', 'made/deep', 'made/deep/a.json']);
  });

  it('leaves a folder that existed before, emptied of its temporary files', async () => {
    await mkdir(dir.at('kept'));
    await writeFile(dir.at('kept', 'mine.txt'), 'y');
    const error = await failure(
      writeFilesTogether([
        { path: dir.at('kept', 'a.png'), bytes: 'a' },
        { path: dir.at('kept', 'mine.txt', 'b.png'), bytes: 'b' },
      ]),
    );
    expect(error.message).toMatch(/mine\.txt' is a file$/);
    expect(await listTree(dir.at('kept'))).toEqual(['mine.txt']);
  });

  it('says "is a folder" for a file whose place is a folder', async () => {
    await mkdir(dir.at('taken.npz'));
    const error = await failure(writeFilesTogether([{ path: dir.at('taken.npz'), bytes: 'a' }]));
    expect(error.message).toBe(`cannot write '${dir.at('taken.npz')}': it is a folder`);
  });
});
