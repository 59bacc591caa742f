import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFailureReason } from './readFailureReason.js';

async function failure(read: () => Promise<unknown>): Promise<unknown> {
  try {
    await read();
  } catch (error) {
    return error;
  }
  throw new Error('the read succeeded');
}

describe('readFailureReason', () => {
  it('names what the file system found, in words, never as a bare code', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'polycam-read-'));
    try {
      await writeFile(join(dir, 'file.txt'), 'x');
      expect(readFailureReason(await failure(() => readFile(join(dir, 'absent.npz'))))).toBe('does not exist');
      expect(readFailureReason(await failure(() => readFile(dir)))).toBe('is a folder, not a file');
      expect(readFailureReason(await failure(() => readFile(join(dir, 'file.txt', 'maps.npz'))))).toBe('does not exist: a file stands where a folder is needed');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("keeps Node's text, without its code, for a code it does not know", () => {
    const error = Object.assign(new Error("EIO: i/o error, open '/x'"), { code: 'EIO' });
    expect(readFailureReason(error)).toBe('cannot be read (i/o error)');
  });
});
