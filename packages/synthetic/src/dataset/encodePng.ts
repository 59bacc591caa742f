import sharp from 'sharp';

/**
 * Encodes 8-bit pixels as a PNG with fixed settings, so that the same pixels always give the
 * same bytes.
 *
 * @param data - Row-major pixels, channels interleaved.
 * @param size - The side length (the image is square).
 * @param channels - 1 (grey) or 3 (RGB).
 * @returns The PNG's bytes.
 */
export async function encodePng(data: Uint8Array, size: number, channels: 1 | 3): Promise<Buffer> {
  const image = sharp(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { raw: { width: size, height: size, channels } });
  return (channels === 1 ? image.toColourspace('b-w') : image)
    .png({ compressionLevel: 9, adaptiveFiltering: false, palette: false })
    .toBuffer();
}
