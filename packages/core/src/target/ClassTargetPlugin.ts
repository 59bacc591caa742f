import type { ModelDescription } from '../backend/ModelDescription.js';
import { PolycamError } from '../errors/PolycamError.js';
import { argmax } from './argmax.js';
import { checkTargetClass } from './checkTargetClass.js';
import type { ClassTargetOptions } from './ClassTargetOptions.js';
import { classTarget } from './classTarget.js';
import { parseTargetClass } from './parseTargetClass.js';
import type { TargetBindContext } from './TargetBindContext.js';
import type { TargetFunction } from './TargetFunction.js';
import type { TargetPlugin } from './TargetPlugin.js';
import { targetOptionsRecord } from './targetOptionsRecord.js';

/** The number of classes of a class-vector output: its one axis longer than 1 (`[K]`, `[K, 1, 1]`). */
function classCount(output: ModelDescription['output']): number {
  const long = output.shape.filter((dimension) => dimension !== 1);
  if (long.length > 1) {
    throw new PolycamError(
      'invalid-argument',
      `the class target needs a class vector, but output '${output.name}' has shape [${output.shape.join(', ')}]` +
        (output.shape.length === 3 ? '; explain a region with --target segmentation:CLASS' : ''),
    );
  }
  return output.size;
}

/**
 * The built-in `class` target: one class's score from a class vector `z` (`[K]`, or a shape
 * whose other axes are 1), with the request's score function, exactly as {@link classTarget}
 * computes it: `softmax(z)[c]` (a sigmoid for K = 1), `sigmoid(z[c])` or `z[c]`. Without a
 * class, the argmax of the unmasked output. It is the target of a request that names none.
 *
 * Command line: `--target class:CLASS`, or `--target class` for the argmax.
 */
export class ClassTargetPlugin implements TargetPlugin<ClassTargetOptions> {
  /** `class`. */
  public readonly id = 'class';
  /** One line on the score. */
  public readonly description = "one class's score: softmax(z)[c], sigmoid(z[c]) or z[c]; the predicted class by default";
  /** `[CLASS]`. */
  public readonly syntax = '[CLASS]';

  /**
   * @param argument - `CLASS`, or empty for the argmax.
   * @returns The options.
   * @throws {@link PolycamError} `invalid-argument` when the argument is not a class index.
   */
  public parse(argument: string): Promise<ClassTargetOptions> {
    return Promise.resolve(argument.trim() === '' ? {} : { classIndex: parseTargetClass(this.id, argument) });
  }

  /**
   * @param options - `{ classIndex? }`, or undefined for the argmax.
   * @param output - The explained output, a class vector.
   * @returns The checked options.
   * @throws {@link PolycamError} `invalid-argument` for options that are not an object or an
   *   output that is not a vector, `class-out-of-range` for a class outside `[0, K)`.
   */
  public check(options: unknown, output: ModelDescription['output']): ClassTargetOptions {
    const { classIndex } = targetOptionsRecord(this.id, options, true);
    const classes = classCount(output);
    return classIndex === undefined ? {} : { classIndex: checkTargetClass(classIndex, classes, 'the model') };
  }

  /**
   * @param options - Checked options.
   * @param context - The output, the unmasked row (for the argmax) and the score function.
   * @returns The class's target.
   */
  public bind(options: ClassTargetOptions, context: TargetBindContext): TargetFunction {
    return classTarget(options.classIndex ?? argmax(context.unmasked), context.scoreFunction, context.output.size);
  }
}
