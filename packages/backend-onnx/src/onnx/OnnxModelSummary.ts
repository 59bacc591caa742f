/**
 * A tensor declared at the edge of an ONNX graph.
 */
export interface OnnxValueInfo {
  /** Its name. */
  readonly name: string;
  /** Its ONNX element type (1 is float32), or 0 when not declared. */
  readonly elementType: number;
  /** Each axis: a fixed size, or a symbolic name / undefined when dynamic. */
  readonly dims: readonly (number | string | undefined)[];
}

/**
 * One node of an ONNX graph.
 */
export interface OnnxNodeInfo {
  /** The node's name (may be empty). */
  readonly name: string;
  /** Its operator, such as `Conv`. */
  readonly op: string;
  /** Names of the tensors it reads. */
  readonly inputs: readonly string[];
  /** Names of the tensors it writes. */
  readonly outputs: readonly string[];
}

/**
 * What polycam needs to know of an ONNX model's main graph.
 */
export interface OnnxModelSummary {
  /** The graph's inputs that are not initialisers (the real inputs). */
  readonly inputs: readonly OnnxValueInfo[];
  /** The graph's outputs. */
  readonly outputs: readonly OnnxValueInfo[];
  /** The nodes in graph (topological) order. */
  readonly nodes: readonly OnnxNodeInfo[];
  /** Names of the initialisers (weights). */
  readonly initializers: ReadonlySet<string>;
  /** The version of the default (`ai.onnx`) operator set the model imports. */
  readonly opset: number;
}
