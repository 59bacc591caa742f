import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listTree, makeTempDir, runCli, TextCollector, writePng, writeTinyModel, type TempDir } from '../cli.testkit.js';
import { readImage } from '../image/readImage.js';

// `polycam explain` streams its images: memory must not grow with their number. Counted, not
// timed: how many images are decoded when each explanation starts, and which output files are
// already on disk (under temporary names) before the last image is explained.

vi.mock('../image/readImage.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../image/readImage.js')>();
  return { readImage: vi.fn(original.readImage) };
});

let dir: TempDir;
let model: string;
let images: string[];

beforeAll(async () => {
  dir = await makeTempDir();
  model = await writeTinyModel(dir.at('tiny.onnx'));
  images = [await writePng(dir.at('a.png'), 32, 32, 3, 1), await writePng(dir.at('b.png'), 24, 40, 3, 2), await writePng(dir.at('c.png'), 40, 24, 3, 3)];
});

afterAll(async () => {
  await dir?.remove();
});

/** A terminal-like stderr that calls `onImage(i)` when the progress bar of image i (1-based) first appears. */
function watchedStderr(onImage: (index: number) => void): TextCollector {
  const stderr = new TextCollector({ columns: 120 });
  const seen = new Set<number>();
  const write = stderr.write.bind(stderr);
  stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    const match = /\((\d+)\/3\)/.exec(String(chunk));
    if (match && !seen.has(Number(match[1]))) {
      seen.add(Number(match[1]));
      onImage(Number(match[1]));
    }
    return write(chunk, ...rest);
  }) as typeof stderr.write;
  return stderr;
}

describe('polycam explain streams its images', () => {
  it('decodes one image per explanation and writes each one’s files before the next, placing them only at the end', async () => {
    const out = dir.at('out');
    const decodedAt: number[] = [];
    const onDisk: string[][] = [];
    vi.mocked(readImage).mockClear();
    const stderr = watchedStderr(() => {
      decodedAt.push(vi.mocked(readImage).mock.calls.length);
      onDisk.push(existsSync(out) ? readdirSync(out) : []);
    });
    const run = await runCli(['explain', ...images, '--model', model, '--out', out, '--npz', dir.at('maps.npz')], { stderr });
    expect(run.code, run.stderr).toBe(0);
    expect(decodedAt).toEqual([1, 2, 3]);
    // Before image i's pass, the files of the i − 1 images before it are written, none in place yet.
    expect(onDisk.map((names) => names.length)).toEqual([0, 2, 4]);
    expect(onDisk.flat().every((name) => name.endsWith('.tmp'))).toBe(true);
    expect(await listTree(out)).toEqual(['a-pcampm.json', 'a-pcampm.png', 'b-pcampm.json', 'b-pcampm.png', 'c-pcampm.json', 'c-pcampm.png']);
  });
});
