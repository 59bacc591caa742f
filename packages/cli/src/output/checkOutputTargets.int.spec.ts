import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTree, makeTempDir, type TempDir } from '../cli.testkit.js';
import { checkOutputTargets } from './checkOutputTargets.js';

let dir: TempDir;

beforeAll(async () => {
  dir = await makeTempDir();
  await writeFile(dir.at('file.txt'), 'x');
});

afterAll(async () => {
  await chmod(dir.at('locked'), 0o755).catch(() => undefined);
  await dir?.remove();
});

describe('checkOutputTargets', () => {
  it('accepts places that do not exist yet, creating nothing', async () => {
    await checkOutputTargets({ npz: dir.at('new', 'maps.npz'), out: dir.at('new', 'out') });
    expect(await listTree(dir.path)).toEqual(['file.txt']);
  });

  it('refuses an --npz and an --out under a file, naming the file', async () => {
    await expect(checkOutputTargets({ npz: dir.at('file.txt', 'sub', 'maps.npz') })).rejects.toThrow(
      `cannot write --npz under '${dir.at('file.txt', 'sub')}': '${dir.at('file.txt')}' is a file`,
    );
    await expect(checkOutputTargets({ out: dir.at('file.txt', 'sub') })).rejects.toThrow(/--out .*'.*file\.txt' is a file/);
  });

  it('refuses an --out file whose place is taken by a folder', async () => {
    await mkdir(dir.at('out', 'cat-pcampm.png'), { recursive: true });
    await expect(
      checkOutputTargets({ out: dir.at('out'), outFiles: [dir.at('out', 'cat-pcampm.json'), dir.at('out', 'cat-pcampm.png')] }),
    ).rejects.toThrow(`cannot write '${dir.at('out', 'cat-pcampm.png')}': it is a folder`);
  });

  it.skipIf(process.getuid?.() === 0)('refuses a folder it may not write into, in words (not testable as root)', async () => {
    await mkdir(dir.at('locked'));
    await chmod(dir.at('locked'), 0o555);
    await expect(checkOutputTargets({ npz: dir.at('locked', 'sub', 'maps.npz') })).rejects.toThrow(
      `cannot write --npz '${dir.at('locked', 'sub', 'maps.npz')}': permission denied on '${dir.at('locked')}'`,
    );
  });
});
