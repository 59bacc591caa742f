import type { AttributionContext } from '../attribution/AttributionContext.js';
import type { ApproximationReport } from '../budget/ApproximationReport.js';
import { PolycamError } from '../errors/PolycamError.js';
import { throwIfAborted } from '../errors/throwIfAborted.js';
import { checkFiniteOutput } from '../scoring/checkFiniteOutput.js';
import type { TargetBindContext } from '../target/TargetBindContext.js';
import type { TargetFunction } from '../target/TargetFunction.js';
import type { Tensor } from '../tensor/Tensor.js';
import type { PassLedger } from '../weighting/PassLedger.js';
import type { ExplainEvent } from './ExplainEvent.js';
import type { ExplainResult, ExplainStage } from './ExplainResult.js';
import type { PreparedExplanation } from './PreparedExplanation.js';
import type { PreparedTarget } from './PreparedTarget.js';

function bindTarget(targetKind: PreparedTarget | undefined, context: TargetBindContext): TargetFunction {
  if (targetKind === undefined) {
    throw new PolycamError('invalid-argument', 'a prepared explanation has neither a target nor a target kind');
  }
  return targetKind.plugin.bind(targetKind.options, context);
}

function firstImageActivation(layer: string, tensor: Tensor | undefined): Tensor {
  if (tensor === undefined || tensor.shape.length !== 4) {
    throw new PolycamError(
      'backend-failure',
      `the backend returned no [N,K,h,w] activation for layer '${layer}'`,
    );
  }
  const shape = tensor.shape.slice(1);
  const size = shape[0]! * shape[1]! * shape[2]!;
  return { shape, data: tensor.data.subarray(0, size) };
}

/**
 * The part of an explanation that every runner shares, and all of its state: the unmasked pass
 * with its taps, the target (the argmax unless one was requested), the `started` and
 * `progress` events, the pass ledger and counts, and the stages as they come. A runner starts
 * one, runs its steps through {@link ExplanationRun.step}, adds each stage, and finishes it.
 * It lives for one call only.
 *
 * @internal
 */
interface Started {
  readonly prepared: PreparedExplanation;
  readonly signal: AbortSignal;
  readonly emit: (event: ExplainEvent) => void;
  readonly startedAt: number;
  readonly target: TargetFunction;
  readonly baseScore: number;
  readonly activations: readonly Tensor[];
  readonly planned: readonly number[];
}

/**
 * The part of an explanation that every runner shares, and all of its state: the unmasked pass
 * with its taps, the target (the argmax unless one was requested), the `started` and
 * `progress` events, the pass ledger and counts, and the stages as they come. A runner starts
 * one, runs its steps through {@link ExplanationRun.step}, adds each stage, and finishes it.
 * It lives for one call only.
 *
 * @internal
 */
export class ExplanationRun {
  /** What the runner's plugins get: the model, the image, the target, `s(X)`, the ledger. */
  public readonly context: AttributionContext;
  /** Each prepared layer's activation on the unmasked image, `[K, h, w]`, in forward order. */
  public readonly activations: readonly Tensor[];
  readonly #started: Started;
  readonly #total: number;
  readonly #stages: (ExplainStage | undefined)[];
  #run = 1; // the unmasked pass
  #saved = 0;
  #done = 0;

  private constructor(started: Started) {
    this.#started = started;
    this.#total = started.planned.reduce((sum, count) => sum + count, 0);
    this.activations = started.activations;
    this.#stages = started.planned.map(() => undefined);
    const { request, input, batchSize } = started.prepared;
    const { target, baseScore, signal } = started;
    const ledger: PassLedger = {
      run: (count) => {
        this.#run += count;
        this.#advance(count);
      },
      saved: (count) => {
        this.#saved += count;
        this.#advance(count);
      },
    };
    this.context = { backend: request.backend, input, target, baseScore, batchSize, signal, ledger };
  }

  /**
   * Runs the unmasked pass, resolves the target and emits `started`. An output or score that
   * is NaN or ±Inf fails with `non-finite-output`.
   *
   * @param prepared - The checked request.
   * @param signal - Cancels the run.
   * @param emit - Receives the events.
   * @param plan - The planned evaluations of each step, from the layers' activations.
   * @returns The run, ready for its steps.
   */
  public static async start(
    prepared: PreparedExplanation,
    signal: AbortSignal,
    emit: (event: ExplainEvent) => void,
    plan: (activations: readonly Tensor[]) => readonly number[],
  ): Promise<ExplanationRun> {
    const startedAt = performance.now();
    const { request, input, layers, scoreFunction, targetKind } = prepared;
    throwIfAborted(signal);
    const unmasked = await request.backend.run({ input, taps: layers }, signal);
    const described = request.backend.description.output;
    const output = unmasked.output.data.subarray(0, described.size);
    checkFiniteOutput(output, 0, 'the unmasked pass', described.shape);
    const target = prepared.target ?? bindTarget(targetKind, { output: described, unmasked: output, scoreFunction });
    const baseScore = target.score(output);
    checkFiniteOutput(output, baseScore, 'the unmasked pass', described.shape);
    const activations = layers.map((layer) => firstImageActivation(layer, unmasked.activations.get(layer)));
    const run = new ExplanationRun({ prepared, signal, emit, startedAt, target, baseScore, activations, planned: plan(activations) });
    emit({ type: 'started', layers, classIndex: target.classIndex, score: baseScore, total: run.#total });
    return run;
  }

  #advance(count: number): void {
    if (count <= 0) return;
    this.#done += count;
    this.#started.emit({ type: 'progress', done: this.#done, total: this.#total });
  }

  /**
   * Runs one step's work, then completes its share of the progress bar, even for a plugin that
   * reported fewer evaluations than it planned.
   *
   * @param index - The step's position in the planned evaluations.
   * @param work - The step's evaluations.
   * @returns What the work returned.
   */
  public async step<T>(index: number, work: () => Promise<T>): Promise<T> {
    const expectedDone = this.#done + this.#started.planned[index]!;
    const value = await work();
    if (this.#done < expectedDone) this.#advance(expectedDone - this.#done);
    return value;
  }

  /** The passes run so far, the unmasked one included. */
  public get passesRun(): number {
    return this.#run;
  }

  /**
   * Records a finished stage at its place in forward order and emits its `layer` event. A CAM
   * runner adds its stages deepest first, as it fuses them.
   *
   * @param index - The stage's position in forward order, the same as its step's.
   * @param stage - The stage.
   */
  public addStage(index: number, stage: ExplainStage): void {
    this.#stages[index] = stage;
    this.#started.emit({ type: 'layer', index, stage });
  }

  /**
   * Assembles the result, every stage added; the first (shallowest) stage's map, fused last, is
   * the explanation's.
   *
   * @param method - The method that ran, as the result reports it.
   * @param approximation - How a budgeted map was approximated; undefined when it is exact.
   * @returns The finished explanation.
   */
  public finish(method: ExplainResult['method'], approximation?: ApproximationReport): ExplainResult {
    const { target, baseScore } = this.context;
    const stages = this.#stages as readonly ExplainStage[];
    return {
      map: stages[0]!.map,
      stages,
      classIndex: target.classIndex,
      score: baseScore,
      target: target.label,
      layers: this.#started.prepared.layers,
      method,
      passes: { run: this.#run, saved: this.#saved },
      approximation,
      durationMs: performance.now() - this.#started.startedAt,
    };
  }
}
