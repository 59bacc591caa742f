import { seededRandom, type InputLayout } from '@polycam/core';
import type { ConvOptions } from './ConvOptions.js';
import { encodeOnnxModel } from './encodeOnnxModel.js';
import type { GraphNode } from '../onnx/GraphNode.js';
import type { MaxPoolOptions } from './MaxPoolOptions.js';
import type { NodeAttribute } from '../onnx/NodeAttribute.js';
import type { OnnxGraphBuilderOptions } from './OnnxGraphBuilderOptions.js';
import { parameterPrefix } from './parameterPrefix.js';
import type { WeightTensor } from './WeightTensor.js';

/** Biases are uniform in ±BIAS_RANGE: small next to activations of order one. */
const BIAS_RANGE = 0.1;

function ints(name: string, value: readonly number[]): NodeAttribute {
  return { name, kind: 'ints', value };
}

function pooledSize(size: number, kernel: number, stride: number, pad: number): number {
  return Math.floor((size + 2 * pad - kernel) / stride) + 1;
}

/**
 * Builds small float32 CNNs as ONNX models for tests and benchmarks, with seeded random weights,
 * named the way PyTorch's exporter names things: a `Conv` in scope `/features/features.0` is the
 * node `/features/features.0/Conv`, writes `/features/features.0/Conv_output_0` and reads the
 * weights `features.0.weight` and `features.0.bias`.
 *
 * Each method adds one node and returns the name of the tensor it writes; the builder tracks every
 * tensor's shape to size the weights. {@link OnnxGraphBuilder.build} renames the chosen tensor to
 * the output name (the last node writes the graph output directly, as PyTorch's exports do; no
 * `Identity` node is added).
 *
 * With `inputLayout: 'NHWC'` the graph takes channels-last images, `[batch, H, W, C]`, and starts
 * with a `Transpose` (perm `[0, 3, 1, 2]`) that writes the NCHW
 * {@link OnnxGraphBuilder.imageTensor} the first layer reads. The transpose draws no weights, so
 * both layouts give the same weights for the same seed and calls.
 *
 * @example
 * ```ts
 * const graph = new OnnxGraphBuilder({ inputShape: ['batch', 3, 32, 32], seed: 1 });
 * const features = graph.relu(graph.conv(graph.imageTensor, 8, { kernel: 3, pad: 1, scope: '/conv' }), '/relu');
 * const pooled = graph.flatten(graph.globalAveragePool(features, '/avgpool'), '');
 * const bytes = graph.build(graph.gemm(pooled, 4, '/fc'));
 * ```
 */
export class OnnxGraphBuilder {
  /** The name of the graph's image input, the tensor that callers feed. */
  public readonly inputName: string;
  /**
   * The NCHW image tensor that the first layer reads: {@link OnnxGraphBuilder.inputName} itself,
   * or, for an `NHWC` input, the output of the leading `Transpose` (`/Transpose_output_0`).
   */
  public readonly imageTensor: string;
  /** The name that {@link OnnxGraphBuilder.build} gives the graph output. */
  public readonly outputName: string;
  readonly #batch: number | 'batch';
  readonly #dynamicSize: boolean;
  readonly #layout: 'NCHW' | 'NHWC';
  readonly #random: () => number;
  readonly #shapes = new Map<string, readonly number[]>();
  readonly #nodes: GraphNode[] = [];
  readonly #weights = new Map<string, WeightTensor>();
  readonly #shapeConstants = new Map<string, { readonly dims: readonly number[]; readonly data: BigInt64Array }>();

  /**
   * Starts an empty graph over one image input, channels first unless `inputLayout` is `NHWC`.
   *
   * @param options - The input's shape, the seed, the input's layout and the input and output
   *   names.
   */
  public constructor(options: OnnxGraphBuilderOptions) {
    const [batch, channels, height, width] = options.inputShape;
    this.inputName = options.inputName ?? 'input';
    this.outputName = options.outputName ?? 'logits';
    this.#batch = batch;
    this.#dynamicSize = options.dynamicSize ?? false;
    this.#layout = options.inputLayout ?? 'NCHW';
    this.#random = seededRandom(options.seed);
    if (options.inputLayout === 'NHWC') {
      this.#shapes.set(this.inputName, [height, width, channels]);
      this.imageTensor = this.#addNode('', 'Transpose', [this.inputName], [ints('perm', [0, 3, 1, 2])], [channels, height, width]);
    } else {
      this.#shapes.set(this.inputName, [channels, height, width]);
      this.imageTensor = this.inputName;
    }
  }

  /**
   * The shape of a tensor of the graph for one image, without the batch axis.
   *
   * @param tensor - The tensor's name.
   * @returns Its shape, such as `[K, h, w]`.
   * @throws Error for a name the graph does not hold.
   */
  public shapeOf(tensor: string): readonly number[] {
    const shape = this.#shapes.get(tensor);
    if (shape === undefined) {
      throw new Error(`the graph holds no tensor '${tensor}'`);
    }
    return shape;
  }

  /**
   * The weights created so far, by initializer name, in creation order.
   *
   * @returns A copy of the map; the tensors themselves are the ones the model will hold.
   */
  public weights(): ReadonlyMap<string, WeightTensor> {
    return new Map(this.#weights);
  }

  /**
   * Adds a square 2-D convolution with He-uniform weights (uniform in ±sqrt(6 / fan_in)) and a
   * small uniform bias.
   *
   * @param input - The tensor to convolve, `[C, H, W]` per image.
   * @param outChannels - The number of output channels.
   * @param options - Kernel side, stride, padding and scope.
   * @returns The output tensor's name.
   * @throws Error when the input is not a spatial tensor.
   */
  public conv(input: string, outChannels: number, options: ConvOptions): string {
    const { kernel, stride = 1, pad = 0, gain = 1, group = 1, scope } = options;
    const [channels, height, width] = this.#spatialShape(input);
    if (channels % group !== 0 || outChannels % group !== 0) {
      throw new Error(`a convolution in ${group} groups needs channel counts that are multiples of it, not ${channels} → ${outChannels}`);
    }
    const prefix = parameterPrefix(scope);
    const fanIn = (channels / group) * kernel * kernel;
    const weight = this.#uniform(`${prefix}.weight`, [outChannels, channels / group, kernel, kernel], gain * Math.sqrt(6 / fanIn));
    const bias = this.#uniform(`${prefix}.bias`, [outChannels], BIAS_RANGE);
    const attributes = [ints('kernel_shape', [kernel, kernel]), ints('pads', [pad, pad, pad, pad]), ints('strides', [stride, stride])];
    if (group !== 1) {
      attributes.push({ name: 'group', kind: 'int', value: group });
    }
    return this.#addNode(scope, 'Conv', [input, weight, bias], attributes, [
      outChannels,
      pooledSize(height, kernel, stride, pad),
      pooledSize(width, kernel, stride, pad),
    ]);
  }

  /**
   * Adds a ReLU.
   *
   * @param input - The tensor to rectify.
   * @param scope - The node's scope, such as `/features/features.1`.
   * @returns The output tensor's name.
   */
  public relu(input: string, scope: string): string {
    return this.#addNode(scope, 'Relu', [input], [], this.shapeOf(input));
  }

  /**
   * Adds a logistic sigmoid, such as the gate of a squeeze-and-excitation block.
   *
   * @param input - The tensor to squash.
   * @param scope - The node's scope, such as `/features/features.1/0/block/1/scale_activation`.
   * @returns The output tensor's name.
   */
  public sigmoid(input: string, scope: string): string {
    return this.#addNode(scope, 'Sigmoid', [input], [], this.shapeOf(input));
  }

  /**
   * Adds an element-wise product, where `b` has `a`'s shape or is a `[C, 1, 1]` per-channel
   * scale broadcast over `a`'s `[C, H, W]` map (the excitation of a squeeze-and-excitation block).
   *
   * @param a - The tensor to scale.
   * @param b - The factor, of `a`'s shape or `[C, 1, 1]`.
   * @param scope - The node's scope.
   * @returns The output tensor's name, of `a`'s shape.
   * @throws Error when `b` does not broadcast onto `a`.
   */
  public mul(a: string, b: string, scope: string): string {
    const shape = this.shapeOf(a);
    const factor = this.shapeOf(b);
    const perChannel = shape.length === 3 && factor.join() === [shape[0], 1, 1].join();
    if (factor.join() !== shape.join() && !perChannel) {
      throw new Error(`cannot scale '${a}' [${shape.join(',')}] by '${b}' [${factor.join(',')}]`);
    }
    return this.#addNode(scope, 'Mul', [a, b], [], shape);
  }

  /**
   * Concatenates tensors along one per-image axis: by default the channel axis of `[C, H, W]`
   * maps of one spatial size (ONNX `axis` 1), as a DenseNet's dense layer appends its new
   * features to its input; `axis` 1 of `[B, F_i]` tensors joins rows, as a detector appends each
   * box's class scores to its corners.
   *
   * @param inputs - The tensors, in order, of one rank and equal sizes off `axis`.
   * @param scope - The node's scope.
   * @param axis - The per-image axis to join along (the batch axis excluded); default 0.
   * @returns The output tensor's name, whose `axis` is the sum of the inputs'.
   * @throws Error when the ranks or the other axes' sizes differ.
   */
  public concat(inputs: readonly string[], scope: string, axis = 0): string {
    const shapes = inputs.map((input) => this.shapeOf(input));
    const first = shapes[0] ?? [];
    const offAxis = (shape: readonly number[]): string => shape.filter((_, index) => index !== axis).join();
    if (shapes.length === 0 || axis >= first.length || shapes.some((shape) => shape.length !== first.length || offAxis(shape) !== offAxis(first))) {
      throw new Error(`cannot concatenate [${inputs.join(', ')}] along axis ${axis}: they need one rank and one size off it`);
    }
    const shape = [...first];
    shape[axis] = shapes.reduce((sum, each) => sum + each[axis]!, 0);
    return this.#addNode(scope, 'Concat', inputs, [{ name: 'axis', kind: 'int', value: axis + 1 }], shape);
  }

  /**
   * Adds a softmax over the last axis (opset 13's `Softmax` with `axis` −1).
   *
   * @param input - The tensor, such as `[B, K]` per image.
   * @param scope - The node's scope.
   * @returns The output tensor's name, of the input's shape.
   */
  public softmax(input: string, scope: string): string {
    return this.#addNode(scope, 'Softmax', [input], [{ name: 'axis', kind: 'int', value: -1 }], this.shapeOf(input));
  }

  /**
   * Adds a `Reshape` that keeps the batch axis: its shape initializer (int64, named after the
   * scope) is `[0, ...shape]`, 0 copying the batch size.
   *
   * @param input - The tensor to reshape.
   * @param shape - The per-image shape, of the input's size.
   * @param scope - The node's scope.
   * @returns The output tensor's name.
   * @throws Error when the sizes differ.
   */
  public reshape(input: string, shape: readonly number[], scope: string): string {
    const size = (dims: readonly number[]): number => dims.reduce((product, axis) => product * axis, 1);
    if (size(shape) !== size(this.shapeOf(input))) {
      throw new Error(`cannot reshape '${input}' [${this.shapeOf(input).join(',')}] to [${shape.join(',')}]`);
    }
    const name = `${parameterPrefix(scope) || 'reshape'}.shape`;
    if (this.#shapes.has(name)) {
      throw new Error(`a weight is already named '${name}'; give each layer its own scope`);
    }
    this.#shapeConstants.set(name, { dims: [shape.length + 1], data: BigInt64Array.from([0, ...shape], (axis) => BigInt(axis)) });
    this.#shapes.set(name, [shape.length + 1]);
    return this.#addNode(scope, 'Reshape', [input, name], [], shape);
  }

  /**
   * Adds a fully connected layer with given weights (a `Gemm` with `transB` 1 over `[out, in]`),
   * for fixed linear maps such as pooling each of a detector's boxes, or constant rows given as
   * the bias of zero weights.
   *
   * @param input - A flat tensor, `[in]` per image.
   * @param weight - The `[out, in]` weights, named `<scope>.weight`.
   * @param bias - The `out` biases, named `<scope>.bias`.
   * @param scope - The node's scope.
   * @returns The output tensor's name, `[out]` per image.
   * @throws Error when the shapes do not match.
   */
  public fixedGemm(input: string, weight: WeightTensor, bias: Float32Array, scope: string): string {
    const [outFeatures, inFeatures] = weight.dims;
    const shape = this.shapeOf(input);
    if (shape.length !== 1 || weight.dims.length !== 2 || inFeatures !== shape[0] || bias.length !== outFeatures || weight.data.length !== outFeatures * inFeatures!) {
      throw new Error(`a fixed Gemm needs a flat input, [out, in] weights and out biases; got [${shape.join(',')}], [${weight.dims.join(',')}] and ${bias.length}`);
    }
    const prefix = parameterPrefix(scope);
    for (const [name, tensor] of [[`${prefix}.weight`, weight], [`${prefix}.bias`, { dims: [outFeatures], data: bias }]] as const) {
      if (this.#weights.has(name)) throw new Error(`a weight is already named '${name}'; give each layer its own scope`);
      this.#weights.set(name, tensor);
      this.#shapes.set(name, tensor.dims);
    }
    const attributes: NodeAttribute[] = [{ name: 'transB', kind: 'int', value: 1 }];
    return this.#addNode(scope, 'Gemm', [input, `${prefix}.weight`, `${prefix}.bias`], attributes, [outFeatures]);
  }

  /**
   * Adds an element-wise natural logarithm: NaN for a negative value and −Inf for zero, to
   * build models whose outputs are not finite.
   *
   * @param input - The tensor.
   * @param scope - The node's scope, such as `/log`.
   * @returns The output tensor's name.
   */
  public log(input: string, scope: string): string {
    return this.#addNode(scope, 'Log', [input], [], this.shapeOf(input));
  }

  /**
   * Adds a square max pooling.
   *
   * @param input - The tensor to pool, `[C, H, W]` per image.
   * @param options - Window side, stride, padding and scope.
   * @returns The output tensor's name.
   * @throws Error when the input is not a spatial tensor.
   */
  public maxPool(input: string, options: MaxPoolOptions): string {
    const { kernel, stride, pad = 0, scope } = options;
    const [channels, height, width] = this.#spatialShape(input);
    const attributes = [ints('kernel_shape', [kernel, kernel]), ints('pads', [pad, pad, pad, pad]), ints('strides', [stride, stride])];
    return this.#addNode(scope, 'MaxPool', [input], attributes, [
      channels,
      pooledSize(height, kernel, stride, pad),
      pooledSize(width, kernel, stride, pad),
    ]);
  }

  /**
   * Adds a global average pooling, `[C, H, W]` to `[C, 1, 1]`.
   *
   * @param input - The tensor to pool.
   * @param scope - The node's scope, such as `/avgpool`.
   * @returns The output tensor's name.
   * @throws Error when the input is not a spatial tensor.
   */
  public globalAveragePool(input: string, scope: string): string {
    const [channels] = this.#spatialShape(input);
    return this.#addNode(scope, 'GlobalAveragePool', [input], [], [channels, 1, 1]);
  }

  /**
   * Adds a flatten that keeps the batch axis (`axis` 1).
   *
   * @param input - The tensor to flatten.
   * @param scope - The node's scope; `''` gives the node `/Flatten`, as PyTorch's `torch.flatten`.
   * @returns The output tensor's name, `[C·H·W]` per image.
   */
  public flatten(input: string, scope: string): string {
    const size = this.shapeOf(input).reduce((product, axis) => product * axis, 1);
    return this.#addNode(scope, 'Flatten', [input], [{ name: 'axis', kind: 'int', value: 1 }], [size]);
  }

  /**
   * Adds a fully connected layer, a `Gemm` with `transB` 1 over weights `[out, in]` (He-uniform)
   * and a small bias, as PyTorch exports `nn.Linear`.
   *
   * @param input - A flat tensor, `[in]` per image.
   * @param outFeatures - The number of outputs.
   * @param scope - The node's scope, such as `/fc`; it names the weights (`fc.weight`).
   * @returns The output tensor's name.
   * @throws Error when the input is not flat.
   */
  public gemm(input: string, outFeatures: number, scope: string): string {
    const shape = this.shapeOf(input);
    const inFeatures = shape[0];
    if (shape.length !== 1 || inFeatures === undefined) {
      throw new Error(`Gemm needs a flat input; '${input}' is [${shape.join(',')}] per image`);
    }
    const prefix = parameterPrefix(scope);
    const weight = this.#uniform(`${prefix}.weight`, [outFeatures, inFeatures], Math.sqrt(3 / inFeatures));
    const bias = this.#uniform(`${prefix}.bias`, [outFeatures], BIAS_RANGE);
    const attributes: NodeAttribute[] = [
      { name: 'alpha', kind: 'float', value: 1 },
      { name: 'beta', kind: 'float', value: 1 },
      { name: 'transB', kind: 'int', value: 1 },
    ];
    return this.#addNode(scope, 'Gemm', [input, weight, bias], attributes, [outFeatures]);
  }

  /**
   * Adds an element-wise sum of two tensors of the same shape, such as a residual connection.
   *
   * @param a - The first tensor.
   * @param b - The second tensor.
   * @param scope - The node's scope, such as `/layer1/layer1.0`.
   * @returns The output tensor's name.
   * @throws Error when the shapes differ.
   */
  public add(a: string, b: string, scope: string): string {
    const shape = this.shapeOf(a);
    if (shape.join() !== this.shapeOf(b).join()) {
      throw new Error(`cannot add '${a}' [${shape.join(',')}] and '${b}' [${this.shapeOf(b).join(',')}]`);
    }
    return this.#addNode(scope, 'Add', [a, b], [], shape);
  }

  /** A per-image shape as the graph declares it: with `dynamicSize`, the two spatial axes from `at` are symbolic. */
  #declared(shape: readonly number[], at: number, height: string, width: string): (number | string)[] {
    if (!this.#dynamicSize) return [...shape];
    const declared: (number | string)[] = [...shape];
    declared[at] = height;
    declared[at + 1] = width;
    return declared;
  }

  /**
   * Encodes the graph as an ONNX model whose output is `outputTensor`, renamed to
   * {@link OnnxGraphBuilder.outputName}. The builder is left as it was, so `build` can be called
   * again.
   *
   * @param outputTensor - The tensor to expose, written by one of the nodes.
   * @returns The `.onnx` file's bytes (IR version 8, opset 13).
   * @throws Error when the tensor is unknown or is the input, or when the output name is taken.
   */
  public build(outputTensor: string): Uint8Array {
    const shape = this.shapeOf(outputTensor);
    if (outputTensor === this.inputName) {
      throw new Error('the graph output must be written by a node, not be the input');
    }
    if (outputTensor !== this.outputName && this.#shapes.has(this.outputName)) {
      throw new Error(`the output name '${this.outputName}' is already a tensor of the graph`);
    }
    const rename = (name: string): string => (name === outputTensor ? this.outputName : name);
    const nodes = this.#nodes.map((node) => ({ ...node, inputs: node.inputs.map(rename), outputs: node.outputs.map(rename) }));
    return encodeOnnxModel({
      graphName: 'main_graph',
      nodes,
      initializers: new Map<string, WeightTensor | { readonly dims: readonly number[]; readonly data: BigInt64Array }>([...this.#weights, ...this.#shapeConstants]),
      input: { name: this.inputName, dims: [this.#batch, ...this.#declared(this.shapeOf(this.inputName), this.#layout === 'NHWC' ? 0 : 1, 'height', 'width')] },
      output: { name: this.outputName, dims: [this.#batch, ...(shape.length === 3 ? this.#declared(shape, 1, 'out_height', 'out_width') : shape)] },
    });
  }

  /**
   * Adds a bilinear upsampling by an integer factor, as PyTorch exports
   * `F.interpolate(x, scale_factor=f, mode='bilinear', align_corners=False)`: a `Resize` with
   * `scales` `[1, 1, f, f]` (an initializer named after the scope), mode `linear` and
   * `pytorch_half_pixel` coordinates.
   *
   * @param input - The tensor to upsample, `[C, H, W]` per image.
   * @param factor - The integer scale of both spatial axes.
   * @param scope - The node's scope.
   * @returns The output tensor's name, `[C, f·H, f·W]`.
   * @throws Error when the input is not a spatial tensor or the factor not a positive integer.
   */
  public resize(input: string, factor: number, scope: string): string {
    const [channels, height, width] = this.#spatialShape(input);
    if (!Number.isInteger(factor) || factor < 1) {
      throw new Error(`a resize needs a positive integer factor, not ${factor}`);
    }
    const scales = `${parameterPrefix(scope) || 'resize'}.scales`;
    if (this.#weights.has(scales)) {
      throw new Error(`a weight is already named '${scales}'; give each layer its own scope`);
    }
    this.#weights.set(scales, { dims: [4], data: Float32Array.of(1, 1, factor, factor) });
    this.#shapes.set(scales, [4]);
    const attributes: NodeAttribute[] = [
      { name: 'mode', kind: 'string', value: 'linear' },
      { name: 'coordinate_transformation_mode', kind: 'string', value: 'pytorch_half_pixel' },
    ];
    return this.#addNode(scope, 'Resize', [input, '', scales], attributes, [channels, height * factor, width * factor]);
  }

  #spatialShape(input: string): readonly [number, number, number] {
    const [channels, height, width, ...rest] = this.shapeOf(input);
    if (channels === undefined || height === undefined || width === undefined || rest.length > 0) {
      throw new Error(`'${input}' is not a [C,H,W] tensor`);
    }
    return [channels, height, width];
  }

  #addNode(scope: string, op: string, inputs: readonly string[], attributes: readonly NodeAttribute[], shape: readonly number[]): string {
    const name = `${scope}/${op}`;
    if (this.#nodes.some((node) => node.name === name)) {
      throw new Error(`a node is already named '${name}'; give each node its own scope`);
    }
    inputs.filter((input) => input !== '').forEach((input) => this.shapeOf(input));
    const output = `${name}_output_0`;
    this.#nodes.push({ name, op, inputs, outputs: [output], attributes });
    this.#shapes.set(output, shape);
    return output;
  }

  #uniform(name: string, dims: readonly number[], bound: number): string {
    if (this.#weights.has(name)) {
      throw new Error(`a weight is already named '${name}'; give each layer its own scope`);
    }
    const size = dims.reduce((product, axis) => product * axis, 1);
    const data = Float32Array.from({ length: size }, () => (this.#random() * 2 - 1) * bound);
    this.#weights.set(name, { dims, data });
    this.#shapes.set(name, dims);
    return name;
  }
}
