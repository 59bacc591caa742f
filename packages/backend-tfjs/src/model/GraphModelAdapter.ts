import { PolycamError, type LayerInfo } from '@polycam/core';
import { tidy, zeros, type Tensor } from '@tensorflow/tfjs-core';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import { fixedOutputShape } from './fixedOutputShape.js';
import type { TfjsModelAdapter } from './TfjsModelAdapter.js';

/** Operations that hold or pass data rather than compute a layer. */
const NOT_LAYERS = new Set(['Const', 'Placeholder', 'NoOp', 'Identity', 'IdentityN', 'StopGradient', 'Shape', 'Reshape', 'Squeeze', 'ExpandDims']);

interface GraphNodeDef {
  readonly name: string;
  readonly op: string;
}

function stripPort(name: string): string {
  return name.replace(/:0$/, '');
}

/**
 * A TF.js GraphModel (`model.json` in `graph-model` format, as the TensorFlow converter writes):
 * taps are graph nodes fetched with `execute`, and gradients feed a node's value back into the
 * graph in place of the node, which the executor accepts for any node.
 *
 * @internal
 */
export class GraphModelAdapter implements TfjsModelAdapter {
  public readonly format = 'graph';
  public readonly inputName: string;
  public readonly inputShape: readonly (number | null)[];
  public readonly outputName: string;
  public readonly outputShape: readonly number[];
  public readonly outputSize: number;
  public readonly layers: readonly LayerInfo[];
  readonly #model: GraphModel;

  /**
   * Probes every computing node once with a zero image to learn its shape.
   *
   * @param model - The loaded model.
   * @param topology - The model's `modelTopology` (its GraphDef as JSON).
   * @param outputNode - The node whose output is scored; the model's only output by default.
   * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-model` for several inputs or an output without a
   *   fixed per-image shape of rank 1 to 3,
   *   `unknown-layer` for an output node that does not exist.
   */
  public constructor(model: GraphModel, topology: { readonly node?: readonly GraphNodeDef[] }, outputNode?: string) {
    this.#model = model;
    if (model.inputs.length !== 1) {
      throw new PolycamError('invalid-model', `the model has ${model.inputs.length} inputs; polycam explains single-image models`);
    }
    const input = model.inputs[0]!;
    this.inputName = stripPort(input.name);
    this.inputShape = (input.shape ?? []).map((axis) => (axis < 0 ? null : axis));
    if (this.inputShape.length !== 4) {
      throw new PolycamError('invalid-model', `input '${this.inputName}' has rank ${this.inputShape.length}; an image input has rank 4`);
    }
    const nodes = topology.node ?? [];
    if (outputNode === undefined && model.outputs.length !== 1) {
      throw new PolycamError('invalid-model', `the model has ${model.outputs.length} outputs; name the one to explain`);
    }
    this.outputName = outputNode ?? stripPort(model.outputs[0]!.name);
    if (!nodes.some((node) => node.name === this.outputName)) {
      throw new PolycamError('unknown-layer', `output node '${this.outputName}' does not exist in the graph`);
    }
    const candidates = nodes.filter((node) => !NOT_LAYERS.has(node.op) && node.name !== this.inputName);
    const shapes = this.#probe(candidates.map((node) => node.name));
    const outputShape = shapes.get(this.outputName);
    if (outputShape === undefined) {
      throw new PolycamError('invalid-model', `output '${this.outputName}' has no shape`);
    }
    this.outputShape = fixedOutputShape(this.outputName, outputShape);
    this.outputSize = this.outputShape.reduce((product, axis) => product * axis, 1);
    this.layers = candidates.flatMap((node) => {
      const shape = shapes.get(node.name);
      return shape === undefined || (shape.length !== 2 && shape.length !== 4)
        ? []
        : [{ name: node.name, node: node.name, op: node.op, shape: shape.slice(1) }];
    });
  }

  #probe(names: readonly string[]): Map<string, number[]> {
    const shapes = new Map<string, number[]>();
    tidy(() => {
      const image = zeros(this.inputShape.map((axis) => axis ?? 1));
      const tryNames = (batch: readonly string[]): void => {
        try {
          const results = this.#model.execute({ [this.inputName]: image }, [...batch]);
          (Array.isArray(results) ? results : [results]).forEach((tensor, index) => {
            if (tensor.dtype === 'float32') shapes.set(batch[index]!, tensor.shape);
          });
        } catch {
          if (batch.length > 1) batch.forEach((name) => tryNames([name]));
        }
      };
      tryNames(names);
    });
    return shapes;
  }

  public execute(input: Tensor, taps: readonly string[]): { output: Tensor; taps: Tensor[] } {
    const results = this.#model.execute({ [this.inputName]: input }, [this.outputName, ...taps]);
    const [output, ...tapped] = Array.isArray(results) ? results : [results];
    return { output: output!, taps: tapped };
  }

  public split(input: Tensor, layer: string): { activation: Tensor; head: ((activation: Tensor) => Tensor) | undefined } {
    const activation = this.#model.execute({ [this.inputName]: input }, layer) as Tensor;
    if (layer === this.outputName) {
      return { activation, head: undefined };
    }
    return {
      activation,
      head: (value) => this.#model.execute({ [this.inputName]: input, [layer]: value }, this.outputName) as Tensor,
    };
  }

  public dispose(): void {
    this.#model.dispose();
  }
}
