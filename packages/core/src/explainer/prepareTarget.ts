import type { ModelDescription } from '../backend/ModelDescription.js';
import { PolycamError } from '../errors/PolycamError.js';
import { classTarget } from '../target/classTarget.js';
import type { ScoreFunction } from '../target/ScoreFunction.js';
import type { TargetFunction } from '../target/TargetFunction.js';
import type { TargetPlugin } from '../target/TargetPlugin.js';
import type { ExplainRequest } from './ExplainRequest.js';
import type { PreparedTarget } from './PreparedTarget.js';

const SCORE_FUNCTIONS: readonly ScoreFunction[] = ['softmax', 'sigmoid', 'identity'];

function isTargetFunction(target: NonNullable<ExplainRequest['target']>): target is TargetFunction {
  return typeof (target as Partial<TargetFunction>).score === 'function';
}

/**
 * Resolves and checks a request's target before any pass: a custom {@link TargetFunction} as it
 * is; a {@link TargetRequest}'s kind among the registered plugins, its options through the
 * plugin's `check`; `classIndex` as the `class` target, built at once; nothing as the `class`
 * target on the argmax.
 *
 * @internal
 * @param request - The request's `target` and `classIndex`.
 * @param output - The explained output.
 * @param scoreFunction - The request's score function.
 * @param targets - The registered target plugins, by id.
 * @returns The target known now (if any) and the kind to bind after the unmasked pass.
 * @throws {@link PolycamError} `unknown-method` for an unregistered kind (listing the
 *   registered ones), `invalid-argument` for both a `classIndex` and a `target` or an unknown score function, and what the
 *   plugin's `check` throws.
 */
export function prepareTarget(
  request: Pick<ExplainRequest, 'target' | 'classIndex'>,
  output: ModelDescription['output'],
  scoreFunction: ScoreFunction,
  targets: ReadonlyMap<string, TargetPlugin>,
): { target: TargetFunction | undefined; targetKind: PreparedTarget | undefined } {
  const { target, classIndex } = request;
  if (!SCORE_FUNCTIONS.includes(scoreFunction)) {
    throw new PolycamError('invalid-argument', `unknown score function '${String(scoreFunction)}' (expected ${SCORE_FUNCTIONS.join(', ')})`);
  }
  if (target !== undefined && classIndex !== undefined) {
    throw new PolycamError('invalid-argument', `a request names a class (${classIndex}) and a target: give the class in the target's options`);
  }
  if (target !== undefined && isTargetFunction(target)) return { target, targetKind: undefined };
  const kind = target?.kind ?? 'class';
  const plugin = targets.get(kind);
  if (plugin === undefined) {
    throw new PolycamError('unknown-method', `unknown target kind '${String(kind)}' (available: ${[...targets.keys()].join(', ') || 'none registered'})`);
  }
  const options = plugin.check(target === undefined ? (classIndex === undefined ? undefined : { classIndex }) : target.options, output);
  const targetKind: PreparedTarget = { plugin, options };
  return { target: classIndex === undefined ? undefined : classTarget(classIndex, scoreFunction, output.size), targetKind };
}
