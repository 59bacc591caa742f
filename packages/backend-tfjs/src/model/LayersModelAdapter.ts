import { PolycamError, type LayerInfo } from '@polycam/core';
import type { Tensor } from '@tensorflow/tfjs-core';
import { model as functionalModel, type LayersModel, type SymbolicTensor } from '@tensorflow/tfjs-layers';
import { buildLayersHead, type LayersHead } from './buildLayersHead.js';
import { fixedOutputShape } from './fixedOutputShape.js';
import { modelNodes, type LayerNode } from './modelNodes.js';
import type { TfjsModelAdapter } from './TfjsModelAdapter.js';

/** How many tap sub-models to keep, for the few tap sets an explanation uses. */
const CACHED_SUB_MODELS = 8;

function perImageShape(shape: readonly (number | null)[]): number[] | undefined {
  if (shape.length !== 2 && shape.length !== 4) return undefined;
  return shape.slice(1).map((axis) => axis ?? -1);
}

/**
 * A TF.js LayersModel (`model.json` in `layers-model` format): taps are the outputs of its
 * top-level layers, fetched through a sub-model with extra outputs, and gradients go through a
 * rebuilt copy of the layers downstream of the tapped one.
 *
 * @internal
 */
export class LayersModelAdapter implements TfjsModelAdapter {
  public readonly format = 'layers';
  public readonly inputName: string;
  public readonly inputShape: readonly (number | null)[];
  public readonly outputName: string;
  public readonly outputShape: readonly number[];
  public readonly outputSize: number;
  public readonly layers: readonly LayerInfo[];
  public readonly parameterTensors: ReadonlyMap<string, readonly string[]>;
  readonly #model: LayersModel;
  readonly #output: SymbolicTensor;
  readonly #outputs = new Map<string, SymbolicTensor>();
  readonly #nodes: readonly LayerNode[];
  readonly #subModels = new Map<string, LayersModel>();
  readonly #heads = new Map<string, LayersHead>();

  /**
   * @param model - The loaded model.
   * @param outputLayer - The layer whose output is scored; the model's only output by default.
   * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-model` for several inputs or an output without a
   *   fixed per-image shape of rank 1 to 3.
   */
  public constructor(model: LayersModel, outputLayer?: string) {
    this.#model = model;
    if (model.inputs.length !== 1) {
      throw new PolycamError('invalid-model', `the model has ${model.inputs.length} inputs; polycam explains single-image models`);
    }
    const input = model.inputs[0]!;
    this.inputName = input.sourceLayer.name;
    this.inputShape = input.shape;
    if (model.outputs.length !== 1 && outputLayer === undefined) {
      throw new PolycamError('invalid-model', `the model has ${model.outputs.length} outputs; name the one to explain`);
    }
    const layers: LayerInfo[] = [];
    const nodes = model.outputs.flatMap((output) => modelNodes(model, output));
    for (const node of new Set(nodes)) {
      const layer = node.outboundLayer;
      if (layer.getClassName() === 'InputLayer' || node.outputTensors.length !== 1) continue;
      const shape = perImageShape(node.outputTensors[0]!.shape);
      if (shape === undefined) continue;
      const name = this.#outputs.has(layer.name) ? `${layer.name}@${layer.inboundNodes.indexOf(node)}` : layer.name;
      this.#outputs.set(name, node.outputTensors[0]!);
      layers.push({ name, node: layer.name, op: layer.getClassName(), shape });
    }
    this.layers = layers;
    this.parameterTensors = new Map(
      model.layers.filter((layer) => layer.weights.length > 0).map((layer) => [layer.name, layer.weights.map((weight) => weight.originalName)]),
    );
    this.#output = this.#pickOutput(outputLayer);
    this.#nodes = modelNodes(model, this.#output);
    this.outputName = this.#output.sourceLayer.name;
    this.outputShape = fixedOutputShape(this.outputName, this.#output.shape);
    this.outputSize = this.outputShape.reduce((product, axis) => product * axis, 1);
  }

  #pickOutput(outputLayer: string | undefined): SymbolicTensor {
    if (outputLayer === undefined) {
      return this.#model.outputs[0]!;
    }
    const output = this.#outputs.get(outputLayer);
    if (output === undefined) {
      throw new PolycamError('unknown-layer', `output layer '${outputLayer}' does not exist`);
    }
    return output;
  }

  #subModel(taps: readonly string[]): LayersModel {
    const key = taps.join('\u0000');
    let subModel = this.#subModels.get(key);
    if (subModel === undefined) {
      // A tap of the explained output itself is read from the output, not fetched twice.
      const outputs = [this.#output, ...taps.map((tap) => this.#outputs.get(tap)!).filter((tensor) => tensor !== this.#output)];
      subModel = functionalModel({ inputs: this.#model.inputs, outputs });
      if (this.#subModels.size >= CACHED_SUB_MODELS) {
        this.#subModels.delete(this.#subModels.keys().next().value!);
      }
      this.#subModels.set(key, subModel);
    }
    return subModel;
  }

  public execute(input: Tensor, taps: readonly string[]): { output: Tensor; taps: Tensor[] } {
    const result = this.#subModel(taps).predict(input, { batchSize: input.shape[0] });
    const [output, ...fetched] = Array.isArray(result) ? result : [result];
    const tapped = taps.map((tap) => (this.#outputs.get(tap) === this.#output ? output! : fetched.shift()!));
    return { output: output!, taps: tapped };
  }

  public split(input: Tensor, layer: string): { activation: Tensor; head: ((activation: Tensor) => Tensor) | undefined } {
    let head = this.#heads.get(layer);
    if (head === undefined) {
      head = buildLayersHead(this.#model.inputs, this.#nodes, this.#outputs.get(layer)!, this.#output);
      this.#heads.set(layer, head);
    }
    const prefix = head.prefix.predict(input);
    const [activation, ...others] = Array.isArray(prefix) ? prefix : [prefix];
    const { rest } = head;
    return {
      activation: activation!,
      head: rest === undefined ? undefined : (value) => rest.apply([value, ...others]) as Tensor,
    };
  }

  public dispose(): void {
    this.#model.dispose();
  }
}
