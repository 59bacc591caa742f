import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeNpy, decodeNpz } from '@polycam/core/io';
import { obliterateQueue } from '@polycam/dataset';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { listTree, makeTempDir, writePng, writeSegmentationModel, writeTinyModel, type TempDir } from '../cli.testkit.js';
import { HANG_GUARD_MS, readAttempts, runPolycam } from '../dataset/dataset.testkit.js';

// `polycam dataset explain --classes FILE.csv`: each job carries its own image's class or
// target, which is part of its key, in real worker processes (the compiled dist/), local or
// `polycam worker` through a BullMQ queue on the Redis at REDIS_URL, on small models the spec
// builds.

const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('polycam dataset explain with a class per image', () => {
  let dir: TempDir;
  let model: string;
  let input: string;

  beforeAll(async () => {
    dir = await makeTempDir('polycam-dataset-targets-');
    model = await writeTinyModel(dir.at('tiny.onnx'));
    input = dir.at('images');
    await mkdir(input);
    await writePng(join(input, 'a.png'), 32, 32, 3, 1);
    await writePng(join(input, 'b.png'), 32, 32, 3, 2);
    await writePng(join(input, 'c.png'), 40, 24, 3, 3);
  });
  afterAll(() => dir?.remove());

  async function records(out: string): Promise<Map<string, { key: string; class: number; map: { file: string } }>> {
    const [folder] = (await readdir(out)).filter((name) => name.startsWith('pcampm-'));
    const found = new Map<string, { key: string; class: number; map: { file: string } }>();
    for (const name of ['a.png', 'b.png', 'c.png']) found.set(name, JSON.parse(await readFile(join(out, folder!, `${name}.json`), 'utf8')) as never);
    return found;
  }

  it("gives each image its CSV class, the maps of 'polycam explain --class', and redoes only an image whose class changed", async () => {
    await writeFile(dir.at('classes.csv'), 'image,class\nimages/a.png,3\nb.png,1\nimages/c.png,2\n');
    const out = dir.at('out');
    const args = ['dataset', 'explain', input, '--out', out, '--workers', '1', '--model', model, '--classes', dir.at('classes.csv')];
    const first = await runPolycam(args);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('3 jobs: 3 done (0 were already complete), 0 failed, 0 pending');
    const written = await records(out);
    const npz = dir.at('explain.npz');
    const explained = await runPolycam(['explain', ...['a.png', 'b.png', 'c.png'].map((name) => join(input, name)), '--model', model, '--class', '3,1,2', '--npz', npz]);
    expect(explained.code).toBe(0);
    const maps = decodeNpz(await readFile(npz));
    for (const [name, classIndex] of [['a.png', 3], ['b.png', 1], ['c.png', 2]] as const) {
      const record = written.get(name)!;
      expect(record.class).toBe(classIndex);
      const [folder] = (await readdir(out)).filter((entry) => entry.startsWith('pcampm-'));
      const map = decodeNpy(await readFile(join(out, folder!, record.map.file)));
      expect(Array.from(map.data)).toEqual(Array.from(maps.get(name)!.data));
    }

    // b.png's class changes: its job is new (another key) at the same place, the others are complete.
    await writeFile(dir.at('classes.csv'), 'image,class\nimages/a.png,3\nb.png,0\nimages/c.png,2\n');
    const again = await runPolycam(args);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('3 jobs: 3 done (2 were already complete)');
    const rewritten = await records(out);
    expect(rewritten.get('b.png')!.class).toBe(0);
    expect(rewritten.get('b.png')!.key).not.toBe(written.get('b.png')!.key);
    expect(rewritten.get('a.png')!.key).toBe(written.get('a.png')!.key);
    const [folder] = (await readdir(out)).filter((entry) => entry.startsWith('pcampm-'));
    const done = (await readAttempts(join(out, folder!, 'attempts.jsonl'))).filter((line) => line.outcome === 'done');
    expect(done.map((line) => line.key.split('#')[0]).sort()).toEqual(['a.png', 'b.png', 'b.png', 'c.png']);
  }, HANG_GUARD_MS);

  it('gives each image its CSV target (a segmentation class, with a mask relative to the CSV) in local and queue workers, as explain gives it', async () => {
    const seg = await writeSegmentationModel(dir.at('seg.onnx'));
    const mask = Buffer.alloc(16 * 16);
    for (let pixel = 40; pixel < 120; pixel += 1) mask[pixel] = 200;
    await mkdir(dir.at('masks'));
    await sharp(mask, { raw: { width: 16, height: 16, channels: 1 } }).png().toFile(dir.at('masks', 'b.png'));
    await writeFile(dir.at('targets.csv'), 'image,target\na.png,segmentation:1\nb.png,segmentation:2:masks/b.png\nc.png,segmentation:0\n');
    const layers = ['--layers', '/relu1/Relu_output_0,/relu2/Relu_output_0'];
    const out = dir.at('seg-out');
    const run = await runPolycam(['dataset', 'explain', input, '--out', out, '--workers', '1', '--model', seg, ...layers, '--classes', dir.at('targets.csv')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const npz = dir.at('seg.npz');
    const names = ['a.png', 'b.png', 'c.png'];
    const explained = await runPolycam(['explain', ...names.map((name) => join(input, name)), '--model', seg, ...layers, '--classes', dir.at('targets.csv'), '--npz', npz]);
    expect(explained.stderr).toBe('');
    const maps = decodeNpz(await readFile(npz));
    const [folder] = (await readdir(out)).filter((entry) => entry.startsWith('pcampm-'));
    for (const name of names) {
      const record = JSON.parse(await readFile(join(out, folder!, `${name}.json`), 'utf8')) as { target: string; map: { file: string } };
      expect(record.target).toMatch(/^segmentation softmax\[\d\] over \d+ pixels?$/);
      const map = decodeNpy(await readFile(join(out, folder!, record.map.file)));
      expect(Array.from(map.data)).toEqual(Array.from(maps.get(name)!.data));
    }
    const masked = JSON.parse(await readFile(join(out, folder!, 'b.png.json'), 'utf8')) as { target: string };
    expect(masked.target).toBe('segmentation softmax[2] over 80 pixels');

    // The jobs travel through Redis to a `polycam worker`, their targets with them.
    const queue = `polycam-targets-spec-${process.pid}`;
    const queued = dir.at('seg-queue-out');
    try {
      const viaQueue = await runPolycam(['dataset', 'explain', input, '--out', queued, '--redis', REDIS, '--queue', queue, '--workers', '1', '--model', seg, ...layers, '--classes', dir.at('targets.csv')]);
      expect(viaQueue.code, viaQueue.stderr).toBe(0);
    } finally {
      await obliterateQueue(REDIS, queue);
    }
    for (const name of names) {
      const map = decodeNpy(await readFile(join(queued, folder!, `${name}.npy`)));
      expect(Array.from(map.data)).toEqual(Array.from(maps.get(name)!.data));
    }
  }, HANG_GUARD_MS);

  it('refuses before any job a CSV missing an image, a class out of range, a list of classes and metrics with a non-class target', async () => {
    const cases: [string[], RegExp][] = [];
    await writeFile(dir.at('partial.csv'), 'image,class\na.png,1\n');
    cases.push([['--classes', dir.at('partial.csv')], /has no row for '.*b\.png' \(and 1 other image\)/]);
    await writeFile(dir.at('range.csv'), 'image,class\na.png,1\nb.png,9\nc.png,0\n');
    cases.push([['--classes', dir.at('range.csv')], /range\.csv' line 3: class 9 is out of range: the model has 4 classes/]);
    cases.push([['--class', '1,2,3'], /dataset explain takes one --class for every image, not '1,2,3': give each image its class with --classes FILE\.csv/]);
    cases.push([['--target', 'nothing:1'], /--target 'nothing:1': unknown target kind 'nothing' \(expected KIND:ARGUMENT, one of class:/]);
    cases.push([['--target', 'segmentation:1', '--metrics', 'insertion'], /--metrics scores a class's probability; --target asks for 'segmentation:1'/]);
    for (const [index, [extra, pattern]] of cases.entries()) {
      const out = dir.at(`refused-${index}`);
      const run = await runPolycam(['dataset', 'explain', input, '--out', out, '--workers', '1', '--model', model, ...extra]);
      expect(run.code, run.stderr).toBe(1);
      const lines = run.stderr.split('\n');
      expect(lines, run.stderr).toHaveLength(2);
      expect(lines[0]).toMatch(pattern);
      expect(await listTree(out).catch(() => [])).toEqual([]);
    }
  }, HANG_GUARD_MS);
});
