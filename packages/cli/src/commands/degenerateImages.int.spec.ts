import { readFile, writeFile } from 'node:fs/promises';
import { decodeNpz } from '@polycam/core/io';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, patternPixels, runCli, writePng, writeTinyModel, type TempDir } from '../cli.testkit.js';

// What polycam makes of degenerate images: a 1×1 image is resized to the model's input like any
// other; an image with transparent pixels loses its alpha and an animated one its later frames,
// each with one warning line on stderr.
describe('polycam explain and evaluate on degenerate images', () => {
  let dir: TempDir;
  let model: string;

  beforeAll(async () => {
    dir = await makeTempDir('polycam-degenerate-');
    model = await writeTinyModel(dir.at('tiny.onnx'));
  });
  afterAll(async () => {
    await dir.remove();
  });

  it('explains a 1×1 image as a constant image at the model input size', async () => {
    const dot = await writePng(dir.at('dot.png'), 1, 1);
    const run = await runCli(['explain', dot, '--model', model, '--npz', dir.at('dot.npz')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const map = decodeNpz(new Uint8Array(await readFile(dir.at('dot.npz')))).get('dot.png')!;
    expect(map.shape).toEqual([32, 32]);
    expect(map.data.every(Number.isFinite)).toBe(true);
  });

  it('warns once per dropped alpha or extra frames, in explain and in evaluate', async () => {
    const rgba = patternPixels(8, 8, 4, 1);
    rgba[3] = 0;
    await sharp(rgba, { raw: { width: 8, height: 8, channels: 4 } }).png().toFile(dir.at('clear.png'));
    const frames = Buffer.concat([patternPixels(8, 8, 3, 2), patternPixels(8, 8, 3, 3)]);
    await sharp(frames, { raw: { width: 8, height: 16, channels: 3, pageHeight: 8 } }).webp({ lossless: true }).toFile(dir.at('moving.webp'));
    const images = [dir.at('clear.png'), dir.at('moving.webp')];
    const expected = [
      `polycam: warning: '${images[0]}' has transparent pixels: its alpha channel is dropped and they are read as opaque`,
      `polycam: warning: '${images[1]}' has 2 frames: only the first is read`,
      '',
    ];
    const explained = await runCli(['explain', ...images, '--model', model, '--npz', dir.at('maps.npz')]);
    expect(explained.code).toBe(0);
    expect(explained.stderr.split('\n')).toEqual(expected);
    const evaluated = await runCli(['evaluate', ...images, '--model', model, '--saliency-npz', dir.at('maps.npz'), '--steps', '4', '--csv-dir', dir.at('csv')]);
    expect(evaluated.code).toBe(0);
    expect(evaluated.stderr.split('\n')).toEqual(expected);
  });

  it('does not warn for an opaque RGBA image', async () => {
    const rgba = patternPixels(8, 8, 4, 1);
    for (let pixel = 0; pixel < 64; pixel += 1) rgba[pixel * 4 + 3] = 255;
    await writeFile(dir.at('opaque.png'), await sharp(rgba, { raw: { width: 8, height: 8, channels: 4 } }).png().toBuffer());
    const run = await runCli(['explain', dir.at('opaque.png'), '--model', model]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });
});
