import { link, mkdir } from 'node:fs/promises';
import { extname, join } from 'node:path';

/**
 * Fills a folder with `count` distinct image files, hard links to the given images taken in
 * turn (`image-00000.png`, ...), so that a dataset of any size costs no disk.
 *
 * @param folder - The folder to create.
 * @param images - The images to link to.
 * @param count - How many files.
 * @returns The files' paths.
 */
export async function linkImages(folder: string, images: readonly string[], count: number): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const files: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const source = images[index % images.length]!;
    const file = join(folder, `image-${String(index).padStart(5, '0')}${extname(source)}`);
    await link(source, file);
    files.push(file);
  }
  return files;
}
