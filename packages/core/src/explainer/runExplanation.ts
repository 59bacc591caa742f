import { PolycamError } from '../errors/PolycamError.js';
import { throwIfAborted } from '../errors/throwIfAborted.js';
import { relu } from '../kernels/relu.js';
import { saliencyMap } from '../kernels/saliencyMap.js';
import { weightedChannelSum } from '../kernels/weightedChannelSum.js';
import { weightedElementSum } from '../kernels/weightedElementSum.js';
import { resolveLayers } from '../layers/resolveLayers.js';
import { argmax } from '../target/argmax.js';
import { classTarget } from '../target/classTarget.js';
import type { TargetFunction } from '../target/TargetFunction.js';
import type { Map2D } from '../tensor/Map2D.js';
import type { Tensor } from '../tensor/Tensor.js';
import type { PassLedger } from '../weighting/PassLedger.js';
import { asSingleImage } from './asSingleImage.js';
import { attributionStage } from './attributionStage.js';
import type { ExplainEvent } from './ExplainEvent.js';
import type { ExplainPlan } from './ExplainPlan.js';
import type { ExplainRequest } from './ExplainRequest.js';
import type { ExplainResult, ExplainStage } from './ExplainResult.js';

const DEFAULT_BATCH_SIZE = 32;

function checkBatchSize(batchSize: number): number {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new PolycamError('invalid-argument', `batch size must be a positive integer, got ${batchSize}`);
  }
  return batchSize;
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
 * Runs one explanation: the unmasked pass with taps, then each layer from the deepest to the
 * shallowest (weigh, sum, fuse), emitting events as it goes; or, for a pixel-attribution
 * method, the unmasked pass and the method's one map. All state lives in this call.
 *
 * @internal
 * @param request - What to explain.
 * @param plan - The resolved preset, strategy and fusion, or the attribution method.
 * @param signal - Cancels the run.
 * @param emit - Receives the started, progress and layer events.
 * @returns The finished explanation.
 */
export async function runExplanation(
  request: ExplainRequest,
  plan: ExplainPlan,
  signal: AbortSignal,
  emit: (event: ExplainEvent) => void,
): Promise<ExplainResult> {
  const startedAt = performance.now();
  const { backend } = request;
  const [requires, what] =
    plan.kind === 'cam'
      ? [plan.parts.strategy.requires, `weighting strategy '${plan.parts.strategy.id}'`]
      : [plan.method.requires, `method '${plan.method.id}'`];
  const missing = requires.filter((capability) => !backend.capabilities.has(capability));
  if (missing.length > 0) {
    throw new PolycamError(
      'unsupported-capability',
      `${what} requires ${missing.join(', ')}, which the '${backend.id}' backend does not provide`,
    );
  }
  const description = backend.description;
  const input = asSingleImage(request.input, description);
  const batchSize = checkBatchSize(request.batchSize ?? DEFAULT_BATCH_SIZE);
  const layers =
    plan.kind === 'cam' ? resolveLayers(description, request.layers ?? plan.parts.preset.layers ?? 'auto') : [];
  const outputSize = description.output.size;
  const scoreFunction = request.scoreFunction ?? 'softmax';
  const requestedTarget =
    request.target ??
    (request.classIndex === undefined
      ? undefined
      : classTarget(request.classIndex, scoreFunction, outputSize));
  throwIfAborted(signal);

  const unmasked = await backend.run({ input, taps: layers }, signal);
  const output = unmasked.output.data.subarray(0, outputSize);
  const target: TargetFunction =
    requestedTarget ?? classTarget(argmax(output), scoreFunction, outputSize);
  const baseScore = target.score(output);
  const activations = layers.map((layer) => firstImageActivation(layer, unmasked.activations.get(layer)));
  const planned =
    plan.kind === 'cam'
      ? activations.map((activation) => plan.parts.strategy.plannedEvaluations(activation.shape[0]!))
      : [plan.method.plannedEvaluations(description)];
  const total = planned.reduce((sum, count) => sum + count, 0);
  emit({ type: 'started', layers, classIndex: target.classIndex, score: baseScore, total });

  let run = 1;
  let saved = 0;
  let done = 0;
  const advance = (count: number): void => {
    if (count <= 0) return;
    done += count;
    emit({ type: 'progress', done, total });
  };
  const ledger: PassLedger = {
    ran: (count) => {
      run += count;
      advance(count);
    },
    saved: (count) => {
      saved += count;
      advance(count);
    },
  };

  const [, , height, width] = input.shape as [number, number, number, number];
  const stages: ExplainStage[] = [];
  if (plan.kind === 'attribution') {
    const stage = await attributionStage(plan.method, { backend, input, target, baseScore, batchSize, signal, ledger }, description.input.name);
    if (done < planned[0]!) advance(planned[0]! - done); // a method that under-reports still completes the bar
    stages.push(stage);
    emit({ type: 'layer', index: 0, stage });
  } else {
    const { strategy, fusion } = plan.parts;
    let deeper: Map2D | undefined;
    for (let position = layers.length - 1; position >= 0; position -= 1) {
      throwIfAborted(signal);
      const layer = layers[position]!;
      const activation = activations[position]!;
      const expectedDone = done + planned[position]!;
      const weights = await strategy.computeWeights({
        backend,
        input,
        layer,
        activation,
        target,
        baseScore,
        batchSize,
        signal,
        ledger,
      });
      if (done < expectedDone) {
        advance(expectedDone - done); // a strategy that under-reports still completes the bar
      }
      const sum =
        strategy.granularity === 'element' ? weightedElementSum(activation, weights) : weightedChannelSum(activation, weights);
      const cam: Map2D = { height: sum.height, width: sum.width, data: relu(sum.data) };
      const fused = fusion.fuse(cam, deeper);
      const stage: ExplainStage = { layer, map: saliencyMap(fused, height, width), cam, fused, weights };
      stages.push(stage);
      emit({ type: 'layer', index: stages.length - 1, stage });
      deeper = fused;
    }
  }

  return {
    map: stages.at(-1)!.map,
    stages,
    classIndex: target.classIndex,
    score: baseScore,
    target: target.label,
    layers,
    method:
      plan.kind === 'cam'
        ? { preset: plan.parts.preset.id, strategy: plan.parts.strategy.id, fusion: plan.parts.fusion.id }
        : { preset: plan.method.id, strategy: plan.method.id, fusion: 'none' },
    passes: { run, saved },
    durationMs: performance.now() - startedAt,
  };
}
