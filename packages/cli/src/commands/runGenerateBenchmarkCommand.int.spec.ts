import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, runCli, type TempDir } from '../cli.testkit.js';

// `polycam generate-benchmark`: its limits, refused in one line before anything is written.

describe('polycam generate-benchmark', () => {
  let dir: TempDir;

  beforeAll(async () => {
    dir = await makeTempDir();
  });

  afterAll(async () => {
    await dir?.remove();
  });

  it('writes a small benchmark and says what it wrote', async () => {
    const run = await runCli(['generate-benchmark', '--out', dir.at('small'), '--size', '48', '--train', '2', '--validation', '0', '--test', '1', '--validation-pairs', '0', '--test-pairs', '1']);
    expect(run).toEqual({ code: 0, stdout: `wrote 2 train, 0 validation, 2 test images of 8 classes to ${dir.at('small')}\n`, stderr: '' });
    expect((await readdir(dir.at('small'))).sort()).toEqual(['manifest.json', 'test', 'train']);
  });

  it.each([
    ['1000000', 'the image size must be at most 512 px, got 1000000'],
    ['20000', 'the image size must be at most 512 px, got 20000'],
  ])('refuses --size %s in one line, writing nothing', async (size, message) => {
    const run = await runCli(['generate-benchmark', '--out', dir.at(`size-${size}`), '--size', size]);
    expect(run).toEqual({ code: 1, stdout: '', stderr: `polycam: error: ${message}\n` });
    expect(existsSync(dir.at(`size-${size}`))).toBe(false);
  });

  it('refuses more than 100000 images in one line, writing nothing', async () => {
    const run = await runCli(['generate-benchmark', '--out', dir.at('many'), '--train', '100000']);
    expect(run).toEqual({ code: 1, stdout: '', stderr: 'polycam: error: a benchmark holds at most 100000 images in all, got 101500\n' });
    expect(existsSync(dir.at('many'))).toBe(false);
  });
});
