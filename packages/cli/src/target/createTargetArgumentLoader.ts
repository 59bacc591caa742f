import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PolycamError, type ModelBackend, type TargetArgumentLoader, type Tensor } from '@polycam/core';
import { decodeNpy } from '@polycam/core/io';
import { readImage } from '../image/readImage.js';
import { readFailureReason } from '../input/readFailureReason.js';

/**
 * The command line's {@link TargetArgumentLoader}, for the files a `--target` argument names:
 * a mask is an image decoded with sharp (any channel non-zero → 1), a vector a `.npy` file, and
 * a reference image is read and preprocessed as the explained images are, then run through the
 * model once. Relative paths start from `folder` (the working folder for `--target`, the CSV's
 * folder for `--classes`).
 *
 * @param folder - Where relative paths start.
 * @param backend - The loaded model, for `outputOf`.
 * @param inputOf - Reads an image file into the model's input exactly as the explained images are read.
 * @returns The loader.
 */
export function createTargetArgumentLoader(folder: string, backend: ModelBackend, inputOf: (path: string) => Promise<Tensor>): TargetArgumentLoader {
  return {
    async readMask(path) {
      const image = await readImage(resolve(folder, path), 3);
      const data = new Float32Array(image.height * image.width);
      for (let pixel = 0; pixel < data.length; pixel += 1) {
        const at = pixel * image.channels;
        data[pixel] = image.data[at]! !== 0 || image.data[at + 1]! !== 0 || image.data[at + 2]! !== 0 ? 1 : 0;
      }
      return { height: image.height, width: image.width, data };
    },
    async readVector(path) {
      const file = resolve(folder, path);
      let bytes: Uint8Array;
      try {
        bytes = await readFile(file);
      } catch (error) {
        throw new PolycamError('file-not-found', `'${file}' ${readFailureReason(error)}`, { cause: error });
      }
      return decodeNpy(bytes, `'${file}'`).data;
    },
    async outputOf(path) {
      const input = await inputOf(resolve(folder, path));
      const { output } = await backend.run({ input: { shape: [1, ...input.shape], data: input.data } });
      return output.data.slice(0, backend.description.output.size);
    },
  };
}
