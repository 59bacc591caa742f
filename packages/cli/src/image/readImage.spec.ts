import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, patternPixels, runCli, writeJpeg, writePng, type TempDir } from '../cli.testkit.js';
import { checkImageReadable } from './checkImageReadable.js';
import { maxImagePixels } from './maxImagePixels.js';
import { readImage } from './readImage.js';

async function expectKind(promise: Promise<unknown>, kind: string, message: RegExp): Promise<void> {
  await expect(promise).rejects.toMatchObject({ name: 'PolycamError', kind, message: expect.stringMatching(message) });
}

describe('readImage', () => {
  let dir: TempDir;

  beforeAll(async () => {
    dir = await makeTempDir('polycam-image-');
  });

  afterAll(async () => {
    await dir?.remove();
  });

  it('reads an RGB PNG exactly, interleaved, with its own size', async () => {
    const path = await writePng(dir.at('rgb.png'), 7, 5, 3, 1);
    const image = await readImage(path, 3);
    expect([image.width, image.height, image.channels]).toEqual([7, 5, 3]);
    expect(image.data).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(image.data).equals(patternPixels(7, 5, 3, 1))).toBe(true);
  });

  it('drops the alpha of an RGBA PNG, keeping the colours', async () => {
    const rgba = patternPixels(6, 4, 4, 2);
    for (let pixel = 0; pixel < 24; pixel += 1) rgba[pixel * 4 + 3] = 255; // opaque, so colours are exact
    rgba[3] = 0; // but one transparent pixel: its colour is kept, not blended
    await sharp(rgba, { raw: { width: 6, height: 4, channels: 4 } }).png().toFile(dir.at('rgba.png'));
    expect((await sharp(dir.at('rgba.png')).metadata()).channels).toBe(4);
    const image = await readImage(dir.at('rgba.png'), 3);
    expect([image.width, image.height, image.channels]).toEqual([6, 4, 3]);
    const expected = Buffer.alloc(6 * 4 * 3);
    for (let pixel = 0; pixel < 24; pixel += 1) rgba.copy(expected, pixel * 3, pixel * 4, pixel * 4 + 3);
    expect(Buffer.from(image.data).equals(expected)).toBe(true);
  });

  it('reads a greyscale PNG as 1 channel, or as 3 equal channels', async () => {
    const path = await writePng(dir.at('grey.png'), 5, 6, 1, 3);
    expect((await sharp(path).metadata()).channels).toBe(1);
    const grey = patternPixels(5, 6, 1, 3);
    const single = await readImage(path, 1);
    expect([single.width, single.height, single.channels]).toEqual([5, 6, 1]);
    expect(Buffer.from(single.data).equals(grey)).toBe(true);
    const triple = await readImage(path, 3);
    expect([triple.width, triple.height, triple.channels]).toEqual([5, 6, 3]);
    expect(Array.from(triple.data)).toEqual(Array.from(grey).flatMap((value) => [value, value, value]));
  });

  it('converts an RGB image to 1 channel when asked, keeping grey pixels grey', async () => {
    const pixels = Buffer.from([10, 10, 10, 200, 200, 200, 255, 0, 0, 0, 0, 255]);
    await sharp(pixels, { raw: { width: 2, height: 2, channels: 3 } }).png().toFile(dir.at('colour.png'));
    const image = await readImage(dir.at('colour.png'), 1);
    expect([image.width, image.height, image.channels]).toEqual([2, 2, 1]);
    expect(Math.abs(image.data[0]! - 10)).toBeLessThanOrEqual(1);
    expect(Math.abs(image.data[1]! - 200)).toBeLessThanOrEqual(1);
    expect(image.data[2]).toBeGreaterThan(image.data[3]!); // red is brighter than blue in luminance
  });

  it('reads a JPEG at its own size', async () => {
    const path = await writeJpeg(dir.at('photo.jpg'), 9, 13);
    const image = await readImage(path, 3);
    expect([image.width, image.height, image.channels]).toEqual([9, 13, 3]);
    expect(image.data).toHaveLength(9 * 13 * 3);
  });

  it("reports 'invalid-image' for a text file, naming it", async () => {
    await writeFile(dir.at('notes.png'), 'hello\n');
    await expectKind(readImage(dir.at('notes.png'), 3), 'invalid-image', /notes\.png' is not a readable image/);
  });

  it("reports 'invalid-image' for an empty file and a truncated PNG", async () => {
    await writeFile(dir.at('empty.png'), '');
    await expectKind(readImage(dir.at('empty.png'), 3), 'invalid-image', /empty\.png/);
    const bytes = await readFile(await writePng(dir.at('whole.png'), 16, 16));
    await writeFile(dir.at('cut.png'), bytes.subarray(0, bytes.length - 20));
    await expectKind(readImage(dir.at('cut.png'), 3), 'invalid-image', /cut\.png/);
  });

  it("reports 'file-not-found' for a missing file", async () => {
    await expectKind(readImage(dir.at('absent.png'), 3), 'file-not-found', /absent\.png' does not exist/);
  });

  it("reports 'file-not-found' for a directory", async () => {
    await mkdir(dir.at('folder.png'));
    await expectKind(readImage(dir.at('folder.png'), 3), 'file-not-found', /folder\.png' is not a file/);
  });

  it('refuses an image over the pixel limit from its header, in one line naming its size', async () => {
    // A PNG whose header declares 16384 × 16383 pixels (one row over 16383²), with no pixel data.
    const chunk = (type: string, data: Buffer): Buffer => {
      const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(data.length);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(body));
      return Buffer.concat([length, body, crc]);
    };
    const header = Buffer.alloc(13);
    header.writeUInt32BE(16384, 0);
    header.writeUInt32BE(16383, 4);
    header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
    const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.alloc(1))), chunk('IEND', Buffer.alloc(0))]);
    await writeFile(dir.at('huge.png'), png);
    expect(16384 * 16383).toBeGreaterThan(maxImagePixels);
    await expectKind(readImage(dir.at('huge.png'), 3), 'invalid-image', new RegExp(`^image '.*huge\\.png' has 16384 × 16383 pixels, more than the limit of ${maxImagePixels}$`));
    // explain checks every header before the first pass, with the same limit and message
    await expectKind(checkImageReadable(dir.at('huge.png')), 'invalid-image', new RegExp(`^image '.*huge\\.png' has 16384 × 16383 pixels, more than the limit of ${maxImagePixels}$`));
  });

  it("reports 'invalid-argument' for a channel count other than 1 or 3", async () => {
    const path = await writePng(dir.at('any.png'), 4, 4);
    await expectKind(readImage(path, 4), 'invalid-argument', /1 or 3 channels.*4/);
    await expectKind(readImage(path, 2), 'invalid-argument', /wants 2/);
  });

  it('warns in one line when it drops the alpha of an image with transparent pixels, and only then', async () => {
    const rgba = patternPixels(3, 2, 4, 5);
    for (let pixel = 0; pixel < 6; pixel += 1) rgba[pixel * 4 + 3] = 255;
    await sharp(rgba, { raw: { width: 3, height: 2, channels: 4 } }).png().toFile(dir.at('opaque.png'));
    rgba[7] = 10;
    await sharp(rgba, { raw: { width: 3, height: 2, channels: 4 } }).png().toFile(dir.at('clear.png'));
    const warnings: string[] = [];
    await readImage(dir.at('opaque.png'), 3, (line) => warnings.push(line));
    expect(warnings).toEqual([]);
    const grey = await readImage(dir.at('clear.png'), 1, (line) => warnings.push(line));
    expect(grey.channels).toBe(1);
    expect(warnings).toEqual([`'${dir.at('clear.png')}' has transparent pixels: its alpha channel is dropped and they are read as opaque`]);
  });

  it('reads only the first frame of an animated GIF or WebP, and warns in one line', async () => {
    const frames = Buffer.alloc(4 * 6 * 3);
    for (let pixel = 0; pixel < 12; pixel += 1) frames[pixel * 3] = 255; // frame 1: red
    for (let pixel = 12; pixel < 24; pixel += 1) frames[pixel * 3 + 2] = 255; // frame 2: blue
    for (const format of ['gif', 'webp'] as const) {
      const path = dir.at(`animated.${format}`);
      await sharp(frames, { raw: { width: 4, height: 6, channels: 3, pageHeight: 3 } }).toFormat(format, { lossless: true }).toFile(path);
      expect((await sharp(path).metadata()).pages).toBe(2);
      const warnings: string[] = [];
      const image = await readImage(path, 3, (line) => warnings.push(line));
      expect([image.width, image.height, image.channels]).toEqual([4, 3, 3]);
      expect(Array.from(image.data.subarray(0, 3))).toEqual([255, 0, 0]);
      expect(warnings).toEqual([`'${path}' has 2 frames: only the first is read`]);
    }
  });

  it('reads a 1×1 image as one pixel (the model\'s resize then spreads it over the input)', async () => {
    const path = await writePng(dir.at('dot.png'), 1, 1, 3, 4);
    const image = await readImage(path, 3);
    expect([image.width, image.height, image.channels]).toEqual([1, 1, 3]);
    expect(Buffer.from(image.data).equals(patternPixels(1, 1, 3, 4))).toBe(true);
  });

  it('reads every format that explain --help lists, each one sharp reads from a file', async () => {
    const help = (await runCli(['explain', '--help'])).stdout.replace(/\s+/g, ' ');
    const listed = /PNG, JPEG, WebP, GIF, TIFF, AVIF or SVG images/.exec(help);
    expect(listed).not.toBeNull();
    const sharpIds = { PNG: 'png', JPEG: 'jpeg', WebP: 'webp', GIF: 'gif', TIFF: 'tiff', AVIF: 'heif', SVG: 'svg' } as const;
    for (const id of Object.values(sharpIds)) expect(sharp.format[id].input.file).toBe(true);
    for (const format of ['png', 'jpeg', 'webp', 'gif', 'tiff', 'avif'] as const) {
      const path = dir.at(`four.${format}`);
      await sharp(patternPixels(4, 4, 3, 6), { raw: { width: 4, height: 4, channels: 3 } }).toFormat(format).toFile(path);
      const image = await readImage(path, 3);
      expect([image.width, image.height, image.channels]).toEqual([4, 4, 3]);
    }
    await writeFile(dir.at('dot.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="5" height="3"><rect width="5" height="3" fill="red"/></svg>');
    const svg = await readImage(dir.at('dot.svg'), 3);
    expect([svg.width, svg.height, Array.from(svg.data.subarray(0, 3))]).toEqual([5, 3, [255, 0, 0]]);
  });
});
