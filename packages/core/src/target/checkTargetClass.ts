import { PolycamError } from '../errors/PolycamError.js';

/**
 * Checks a target's class index against the number of classes the output has.
 *
 * @internal
 * @param classIndex - The option's value, of unknown type.
 * @param classes - How many classes the output has.
 * @param where - What holds the classes, for the message: `the model`, `output 'out' ([21, 64, 64])`.
 * @returns The class index.
 * @throws {@link PolycamError} `class-out-of-range` when it is not an integer in `[0, classes)`.
 */
export function checkTargetClass(classIndex: unknown, classes: number, where: string): number {
  if (typeof classIndex !== 'number' || !Number.isInteger(classIndex) || classIndex < 0 || classIndex >= classes) {
    throw new PolycamError(
      'class-out-of-range',
      `class ${String(classIndex)} is out of range: ${where} has ${classes} class${classes === 1 ? '' : 'es'} (0..${classes - 1})`,
    );
  }
  return classIndex;
}
