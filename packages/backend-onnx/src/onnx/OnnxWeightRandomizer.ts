import { nearestNames, PolycamError, type ModelBackend, type WeightRandomizer } from '@polycam/core';
import type { OnnxModelSummary } from './OnnxModelSummary.js';
import { onnxFields } from './onnxFields.js';
import { readProtoFields } from './readProtoFields.js';
import { readTensorProto } from './readTensorProto.js';
import { withRandomizedInitializers } from './withRandomizedInitializers.js';

const { model: MODEL, graph: GRAPH } = onnxFields;

/** The rank of each float32 initializer of the main graph that the model holds itself. */
function floatInitializerRanks(model: Uint8Array): Map<string, number> {
  const ranks = new Map<string, number>();
  const graph = readProtoFields(model).find((field) => field.number === MODEL.graph && field.wireType === 2);
  for (const field of graph === undefined ? [] : readProtoFields(graph.bytes)) {
    if (field.number !== GRAPH.initializer || field.wireType !== 2) continue;
    const tensor = readTensorProto(field.bytes);
    if (tensor.values !== undefined) ranks.set(tensor.name, tensor.dims.length);
  }
  return ranks;
}

/**
 * The ONNX backend's `weight-randomization` capability. A parameterized layer is a node that
 * reads a float32 initializer of rank 2 or more (a convolution kernel, a Gemm or MatMul weight
 * matrix), named by the node's name, or by its first output's name when the node has none.
 * Randomising a layer redraws every float32 initializer the node reads, its weights and its
 * biases, each from a Gaussian with that tensor's own mean and standard deviation (see
 * `withRandomizedInitializers`); a bias added by a separate node (an `Add` after a `MatMul`) and
 * the parameters of normalisation layers are left as they are.
 *
 * Each tensor's values depend only on the seed and the tensor's name, so that with one seed a
 * layer gets the same random weights whatever else is randomised with it: the steps of a
 * cascading randomisation are nested. The layers are found on first use, by decoding the
 * initializers once.
 *
 * @internal
 */
export class OnnxWeightRandomizer implements WeightRandomizer {
  readonly #bytes: Uint8Array;
  readonly #summary: OnnxModelSummary;
  readonly #load: (bytes: Uint8Array) => Promise<ModelBackend>;
  #tensorsByLayer: ReadonlyMap<string, readonly string[]> | undefined;

  /**
   * @param bytes - The original model's bytes (left untouched).
   * @param summary - Its graph summary.
   * @param load - Loads a backend from rewritten bytes, with the original's load options.
   */
  public constructor(bytes: Uint8Array, summary: OnnxModelSummary, load: (bytes: Uint8Array) => Promise<ModelBackend>) {
    this.#bytes = bytes;
    this.#summary = summary;
    this.#load = load;
  }

  /** The nodes that read weights of rank 2 or more, in graph order. */
  public get parameterizedLayers(): readonly string[] {
    return [...this.#layers().keys()];
  }

  /**
   * Loads a copy of the model whose given layers' weights and biases are redrawn.
   *
   * @param layers - Names from {@link OnnxWeightRandomizer.parameterizedLayers}.
   * @param seed - Seeds the random weights (any finite number).
   * @returns A new backend, loaded with the original's options; dispose it when done.
   * @throws {@link PolycamError} `unknown-layer` for a name that holds no weights (with the
   *   nearest names that do), `invalid-argument` for a seed that is not a finite number.
   */
  public async randomized(layers: readonly string[], seed: number): Promise<ModelBackend> {
    if (!Number.isFinite(seed)) {
      throw new PolycamError('invalid-argument', `the seed must be a finite number, got ${seed}`);
    }
    const known = this.#layers();
    const tensors = new Set<string>();
    for (const layer of layers) {
      const names = known.get(layer);
      if (names === undefined) {
        const nearest = nearestNames(layer, [...known.keys()]);
        throw new PolycamError(
          'unknown-layer',
          nearest.length === 0
            ? `layer '${layer}' holds no weights: the model has no parameterized layer`
            : `layer '${layer}' holds no weights; nearest parameterized layers: ${nearest.join(', ')}`,
        );
      }
      names.forEach((name) => tensors.add(name));
    }
    return this.#load(withRandomizedInitializers(this.#bytes, [...tensors], seed));
  }

  #layers(): ReadonlyMap<string, readonly string[]> {
    if (this.#tensorsByLayer === undefined) {
      const ranks = floatInitializerRanks(this.#bytes);
      const layers = new Map<string, string[]>();
      for (const node of this.#summary.nodes) {
        const weights = node.inputs.filter((input) => ranks.has(input));
        const name = node.name !== '' ? node.name : (node.outputs[0] ?? '');
        if (name === '' || !weights.some((input) => ranks.get(input)! >= 2)) continue;
        const tensors = layers.get(name) ?? [];
        layers.set(name, [...new Set([...tensors, ...weights])]);
      }
      this.#tensorsByLayer = layers;
    }
    return this.#tensorsByLayer;
  }
}
