import { basename } from 'node:path';
import { PolycamError } from '@polycam/core';
import { explanationFileNames } from '../output/explanationFileNames.js';

/**
 * Refuses image lists whose outputs would collide: two images with the same file name key the
 * npz twice, and two with the same stem (`cat.png`, `cat.jpg`) would write the same `--out`
 * files.
 *
 * @param images - The image paths.
 * @param outputs - Which outputs were asked for, and the method's preset id.
 * @throws {@link PolycamError} `invalid-argument` naming the two images.
 */
export function checkDistinctOutputs(
  images: readonly string[],
  outputs: { readonly npz: boolean; readonly out: string | undefined; readonly preset: string },
): void {
  const keys = new Map<string, string>();
  const claim = (key: string, image: string, what: string): void => {
    const other = keys.get(key);
    if (other !== undefined && other !== image) {
      throw new PolycamError('invalid-argument', `'${other}' and '${image}' would both write ${what}`);
    }
    keys.set(key, image);
  };
  for (const image of images) {
    if (outputs.npz) claim(`npz:${basename(image)}`, image, `the npz key '${basename(image)}'`);
    if (outputs.out !== undefined) {
      const overlay = explanationFileNames(outputs.out, image, outputs.preset).overlay;
      claim(`out:${overlay}`, image, `'${overlay}'`);
    }
  }
}
