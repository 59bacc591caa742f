import type { ModelDescription } from '../backend/ModelDescription.js';
import { PolycamError } from '../errors/PolycamError.js';
import type { EmbeddingTargetOptions } from './EmbeddingTargetOptions.js';
import { embeddingTarget } from './embeddingTarget.js';
import type { TargetArgumentLoader } from './TargetArgumentLoader.js';
import type { TargetBindContext } from './TargetBindContext.js';
import type { TargetFunction } from './TargetFunction.js';
import type { TargetPlugin } from './TargetPlugin.js';
import { targetOptionsRecord } from './targetOptionsRecord.js';

/**
 * The built-in `embedding` target: the cosine similarity `⟨o, r⟩ / (‖o‖ ‖r‖)` between the
 * explained image's output `o` (the whole output, any shape, flattened row-major) and a
 * reference embedding `r` of the same length (see {@link embeddingTarget}). The map shows what
 * in the image makes it look like the reference. Use it on an embedding model's output, or on a
 * classifier's global-pool tensor named as the output (`--output NAME`, which the ONNX backend
 * accepts for any intermediate tensor).
 *
 * Command line: `--target embedding:REF.png` (the model's output on that image, preprocessed as
 * the explained ones) or `--target embedding:REF.npy` (a float vector, any shape, flattened).
 */
export class EmbeddingTargetPlugin implements TargetPlugin<EmbeddingTargetOptions> {
  /** `embedding`. */
  public readonly id = 'embedding';
  /** One line on the score. */
  public readonly description = "the cosine similarity between the image's output and a reference embedding";
  /** `REF.png|REF.npy`. */
  public readonly syntax = 'REF.png|REF.npy';

  /**
   * @param argument - An image file, or a `.npy` file.
   * @param loader - Runs the model on the image, or reads the vector.
   * @returns The options.
   * @throws {@link PolycamError} `invalid-argument` for an empty argument, or what the loader throws.
   */
  public async parse(argument: string, loader: TargetArgumentLoader): Promise<EmbeddingTargetOptions> {
    const path = argument.trim();
    if (path === '') throw new PolycamError('invalid-argument', `--target ${this.id}: expected a reference image or .npy file`);
    return { reference: /\.npy$/i.test(path) ? await loader.readVector(path) : await loader.outputOf(path) };
  }

  /**
   * @param options - `{ reference }`.
   * @param output - The explained output, any shape.
   * @returns The checked options.
   * @throws {@link PolycamError} `invalid-argument` when the reference is not a Float32Array of
   *   `output.size` finite values, or is all zero.
   */
  public check(options: unknown, output: ModelDescription['output']): EmbeddingTargetOptions {
    const { reference } = targetOptionsRecord(this.id, options, false);
    if (!(reference instanceof Float32Array)) {
      throw new PolycamError('invalid-argument', "the embedding target's reference must be a Float32Array");
    }
    if (reference.length !== output.size) {
      throw new PolycamError(
        'invalid-argument',
        `the embedding target's reference has ${reference.length} values, but output '${output.name}' ([${output.shape.join(', ')}]) has ${output.size}`,
      );
    }
    if (reference.some((value) => !Number.isFinite(value))) {
      throw new PolycamError('invalid-argument', "the embedding target's reference holds NaN or ±Inf");
    }
    embeddingTarget(reference);
    return { reference };
  }

  /**
   * @param options - Checked options.
   * @param context - The output and the unmasked output.
   * @returns The similarity target.
   * @throws {@link PolycamError} `invalid-argument` when the unmasked output is all zero, so
   *   that its similarity is undefined.
   */
  public bind(options: EmbeddingTargetOptions, context: TargetBindContext): TargetFunction {
    if (context.unmasked.every((value) => value === 0)) {
      throw new PolycamError('invalid-argument', `output '${context.output.name}' is all zero on the unmasked image, so its cosine similarity to the reference is undefined`);
    }
    return embeddingTarget(options.reference);
  }
}
