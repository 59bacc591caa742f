import { PolycamError } from '@polycam/core';

/**
 * Refuses a sequence holding NaN, which no correlation can order or average.
 *
 * @internal
 * @param verb - What the caller does with it, for the message (`rank`, `correlate`).
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-argument` naming the first NaN's index.
 */
export function rejectNaN(values: ArrayLike<number>, verb: string): void {
  for (let index = 0; index < values.length; index += 1) {
    if (Number.isNaN(values[index])) {
      throw new PolycamError('invalid-argument', `cannot ${verb} NaN (at index ${index})`);
    }
  }
}
