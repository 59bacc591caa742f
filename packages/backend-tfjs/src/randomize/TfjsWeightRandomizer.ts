import { nearestNames, PolycamError, redrawWeights, type ModelBackend, type WeightRandomizer } from '@polycam/core';
import type { io } from '@tensorflow/tfjs-core';
import { weightByteLength } from '../io/weightByteLength.js';

/**
 * The TF.js backend's `weight-randomization` capability, for LayersModels: a parameterized layer
 * is a layer that holds weights (a convolution's kernel and bias, a dense layer's, a batch
 * normalisation's), named as the backend lists it. Randomising a layer redraws each of its
 * float32 weight tensors with core's `redrawWeights` (a Gaussian with the tensor's own mean and
 * standard deviation, seeded by the seed and the tensor's name), in a copy of the model's
 * weights; the loaded model is left as it was.
 *
 * @internal
 */
export class TfjsWeightRandomizer implements WeightRandomizer {
  readonly #tensorsByLayer: ReadonlyMap<string, readonly string[]>;
  readonly #readArtifacts: () => Promise<io.ModelArtifacts>;
  readonly #load: (artifacts: io.ModelArtifacts) => Promise<ModelBackend>;

  /**
   * @param tensorsByLayer - Each parameterized layer's weight names, as the manifest names them.
   * @param readArtifacts - Reads the model's artifacts again (from its files, so that the loaded
   *   model does not keep a second copy of its weights in memory).
   * @param load - Loads a backend from changed artifacts, with the original's options.
   */
  public constructor(
    tensorsByLayer: ReadonlyMap<string, readonly string[]>,
    readArtifacts: () => Promise<io.ModelArtifacts>,
    load: (artifacts: io.ModelArtifacts) => Promise<ModelBackend>,
  ) {
    this.#tensorsByLayer = tensorsByLayer;
    this.#readArtifacts = readArtifacts;
    this.#load = load;
  }

  /** The layers that hold weights, in forward order. */
  public get parameterizedLayers(): readonly string[] {
    return [...this.#tensorsByLayer.keys()];
  }

  /**
   * Loads a copy of the model whose given layers' weights are redrawn.
   *
   * @param layers - Names from {@link TfjsWeightRandomizer.parameterizedLayers}.
   * @param seed - Seeds the random weights (any finite number).
   * @returns A new backend on the same platform; dispose it when done.
   * @throws {@link @polycam/core!index.PolycamError | PolycamError} `unknown-layer` for a name that
   *   holds no weights, `invalid-argument` for a seed that is not finite, `unsupported-capability`
   *   for quantized or non-float32 weights.
   */
  public async randomized(layers: readonly string[], seed: number): Promise<ModelBackend> {
    if (!Number.isFinite(seed)) {
      throw new PolycamError('invalid-argument', `the seed must be a finite number, got ${seed}`);
    }
    const names = new Set<string>();
    for (const layer of layers) {
      const tensors = this.#tensorsByLayer.get(layer);
      if (tensors === undefined) {
        const nearest = nearestNames(layer, this.parameterizedLayers).join(', ');
        throw new PolycamError('unknown-layer', `layer '${layer}' holds no weights to randomise; nearest: ${nearest}`);
      }
      tensors.forEach((name) => names.add(name));
    }
    const artifacts = await this.#readArtifacts();
    const source = artifacts.weightData as ArrayBuffer;
    const weightData = source.slice(0);
    let offset = 0;
    for (const spec of artifacts.weightSpecs ?? []) {
      const length = weightByteLength(spec);
      if (names.has(spec.name)) {
        if (spec.dtype !== 'float32' || spec.quantization !== undefined) {
          throw new PolycamError('unsupported-capability', `weight '${spec.name}' is not plain float32, so it cannot be randomised`);
        }
        const values = new Float32Array(source.slice(offset, offset + length));
        new Uint8Array(weightData, offset, length).set(new Uint8Array(redrawWeights(values, spec.name, seed).buffer));
      }
      offset += length;
    }
    return this.#load({ ...artifacts, weightData });
  }
}
