import { PolycamError } from '@polycam/core';
import type { GivenTarget } from './GivenTarget.js';
import { matchTargetCsv } from './matchTargetCsv.js';
import { parseClassList } from './parseClassList.js';
import { readTargetCsv } from './readTargetCsv.js';
import type { TargetCliOptions } from './TargetCliOptions.js';

/**
 * Each image's own target from `--class N,M,...` (one per image, in order), `--target` (the
 * same for every image; its relative paths start from the working folder) or `--classes`
 * (see {@link matchTargetCsv}). Without any of them, or with a single `--class` (which the
 * explain settings carry for every image), there are none.
 *
 * @param images - The images, in order.
 * @param options - The raw options.
 * @returns One target per image, or `undefined` when the images have no targets of their own.
 * @throws {@link PolycamError} `invalid-argument` for options given together, a class count
 *   other than 1 or the image count, and a bad `--classes` file.
 */
export async function givenTargets(images: readonly string[], options: TargetCliOptions): Promise<readonly GivenTarget[] | undefined> {
  const given = (['class', 'target', 'classes'] as const).filter((name) => options[name] !== undefined);
  if (given.length > 1) {
    throw new PolycamError('invalid-argument', `${given.map((name) => `--${name}`).join(' and ')} cannot be used together: give each image's class or target one way`);
  }
  if (options.classes !== undefined) return matchTargetCsv(images, await readTargetCsv(options.classes));
  if (options.target !== undefined) {
    const target = { target: options.target, folder: process.cwd() };
    return images.map(() => ({ target, source: '--target' }));
  }
  if (options.class === undefined) return undefined;
  const classes = parseClassList(options.class);
  if (classes.length === 1) return undefined;
  if (classes.length !== images.length) {
    throw new PolycamError(
      'invalid-argument',
      `--class gives ${classes.length} classes for ${images.length} image${images.length === 1 ? '' : 's'}: give one class for all, or one per image in order`,
    );
  }
  return classes.map((classIndex) => ({ target: { classIndex }, source: '--class' }));
}
