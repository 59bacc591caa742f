import type { ModelDescription } from '../backend/ModelDescription.js';
import { PolycamError } from '../errors/PolycamError.js';
import { checkTargetClass } from './checkTargetClass.js';
import type { DetectionTargetOptions } from './DetectionTargetOptions.js';
import { detectionTarget } from './detectionTarget.js';
import { parseTargetClass } from './parseTargetClass.js';
import type { TargetBindContext } from './TargetBindContext.js';
import type { TargetFunction } from './TargetFunction.js';
import type { TargetPlugin } from './TargetPlugin.js';
import { targetOptionsRecord } from './targetOptionsRecord.js';

const DEFAULT_IOU = 0.5;

/** K, the class scores per row of a `[B, 4 + K]` output. */
function classesOf(output: ModelDescription['output']): number {
  const { shape } = output;
  if (shape.length !== 2 || !(shape[0]! >= 1) || !(shape[1]! >= 5)) {
    throw new PolycamError(
      'invalid-argument',
      `the detection target needs a [B, 4 + K] output of box rows (x1, y1, x2, y2, score_0..score_K-1), but output '${output.name}' has shape [${shape.join(', ')}]`,
    );
  }
  return shape[1]! - 4;
}

function parseNumber(text: string, what: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    throw new PolycamError('invalid-argument', `--target detection: expected a number for ${what}, got '${text}'`);
  }
  return value;
}

/**
 * The built-in `detection` target, for a box-and-class output: per image, `B` rows
 * `(x1, y1, x2, y2, score_0, …, score_{K−1})`, the per-image shape `[B, 4 + K]` (a PyTorch
 * export's `[N, B, 4 + K]`): each row a box in corner coordinates and its K class scores (as the
 * model gives them: probabilities or logits; no score function is applied). The score is
 * pytorch-grad-cam's `FasterRCNNBoxScoreTarget` for one reference box (see
 * {@link detectionTarget}): the row with the highest IoU against the reference box counts when
 * that IoU exceeds the threshold (default 0.5) and its argmax class is `c`, scoring
 * `IoU + score_c`; 0 otherwise.
 *
 * Command line: `--target detection:CLASS:x1,y1,x2,y2` or `--target detection:CLASS:x1,y1,x2,y2:IOU`.
 */
export class DetectionTargetPlugin implements TargetPlugin<DetectionTargetOptions> {
  /** `detection`. */
  public readonly id = 'detection';
  /** One line on the score. */
  public readonly description = 'IoU + class score of the output box best matching a reference box, for [B, 4 + K] box rows';
  /** `CLASS:x1,y1,x2,y2[:IOU]`. */
  public readonly syntax = 'CLASS:x1,y1,x2,y2[:IOU]';

  /**
   * @param argument - `CLASS:x1,y1,x2,y2` with an optional `:IOU`.
   * @returns The options.
   * @throws {@link PolycamError} `invalid-argument` for another form.
   */
  public parse(argument: string): Promise<DetectionTargetOptions> {
    const parts = argument.split(':');
    if (parts.length < 2 || parts.length > 3) {
      return Promise.reject(new PolycamError('invalid-argument', `--target detection: expected CLASS:x1,y1,x2,y2[:IOU], got '${argument}'`));
    }
    try {
      const classIndex = parseTargetClass(this.id, parts[0]!);
      const corners = parts[1]!.split(',');
      if (corners.length !== 4) throw new PolycamError('invalid-argument', `--target detection: expected a box x1,y1,x2,y2, got '${parts[1]}'`);
      const box = corners.map((corner, index) => parseNumber(corner, ['x1', 'y1', 'x2', 'y2'][index]!)) as unknown as DetectionTargetOptions['box'];
      return Promise.resolve(parts[2] === undefined ? { classIndex, box } : { classIndex, box, iouThreshold: parseNumber(parts[2], 'the IoU threshold') });
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * @param options - `{ classIndex, box, iouThreshold? }`.
   * @param output - The explained output, `[B, 4 + K]`.
   * @returns The checked options, the threshold filled in.
   * @throws {@link PolycamError} `invalid-argument` for an output of another shape, a box that
   *   is not 4 finite numbers with `x1 < x2` and `y1 < y2`, or a threshold outside [0, 1);
   *   `class-out-of-range` for a class outside `[0, K)`.
   */
  public check(options: unknown, output: ModelDescription['output']): DetectionTargetOptions {
    const classes = classesOf(output);
    const { classIndex, box, iouThreshold } = targetOptionsRecord(this.id, options, false);
    const checkedClass = checkTargetClass(classIndex, classes, `output '${output.name}' ([${output.shape.join(', ')}])`);
    if (!Array.isArray(box) || box.length !== 4 || !box.every((value) => typeof value === 'number' && Number.isFinite(value)) || !(box[0] < box[2]) || !(box[1] < box[3])) {
      throw new PolycamError('invalid-argument', `the detection target's box must be 4 finite numbers (x1, y1, x2, y2) with x1 < x2 and y1 < y2, got ${JSON.stringify(box)}`);
    }
    const threshold = iouThreshold ?? DEFAULT_IOU;
    if (typeof threshold !== 'number' || !(threshold >= 0 && threshold < 1)) {
      throw new PolycamError('invalid-argument', `the detection target's IoU threshold must be in [0, 1), got ${String(threshold)}`);
    }
    return { classIndex: checkedClass, box: [box[0], box[1], box[2], box[3]], iouThreshold: threshold };
  }

  /**
   * @param options - Checked options.
   * @param context - The output.
   * @returns The box's target.
   */
  public bind(options: DetectionTargetOptions, context: TargetBindContext): TargetFunction {
    return detectionTarget(options.classIndex, options.box, options.iouThreshold ?? DEFAULT_IOU, classesOf(context.output));
  }
}
