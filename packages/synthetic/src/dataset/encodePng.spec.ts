import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { encodePng } from './encodePng.js';

describe('encodePng', () => {
  const size = 5;
  const rgb = Uint8Array.from({ length: size * size * 3 }, (_, index) => (index * 37) % 256);
  const grey = Uint8Array.from({ length: size * size }, (_, index) => (index % 3 === 0 ? 255 : 0));

  it('encodes RGB pixels as a PNG that decodes to the same pixels', async () => {
    const png = await encodePng(rgb, size, 3);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect(info).toMatchObject({ width: size, height: size, channels: 3 });
    expect(Buffer.compare(data, Buffer.from(rgb))).toBe(0);
  });

  it('encodes grey pixels as a PNG whose every channel decodes to the grey values', async () => {
    const png = await encodePng(grey, size, 1);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect(info).toMatchObject({ width: size, height: size });
    for (let pixel = 0; pixel < size * size; pixel += 1) {
      for (let channel = 0; channel < info.channels; channel += 1) expect(data[pixel * info.channels + channel]).toBe(grey[pixel]);
    }
  });

  it('writes one-channel pixels as a greyscale PNG', async () => {
    const png = await encodePng(grey, size, 1);
    expect(png[25]).toBe(0); // IHDR colour type: 0 = greyscale
    expect((await sharp(png).metadata()).channels).toBe(1);
  });

  it('gives the same bytes for the same pixels', async () => {
    const [a, b] = await Promise.all([encodePng(rgb, size, 3), encodePng(Uint8Array.from(rgb), size, 3)]);
    expect(a.equals(b)).toBe(true);
  });

  it('reads only the view it is given, not the whole underlying buffer', async () => {
    const backing = new Uint8Array(rgb.length + 10).fill(9);
    backing.set(rgb, 10);
    const png = await encodePng(backing.subarray(10), size, 3);
    const { data } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect(Buffer.compare(data, Buffer.from(rgb))).toBe(0);
  });
});
