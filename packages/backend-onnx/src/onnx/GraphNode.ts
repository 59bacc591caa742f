import type { NodeAttribute } from './NodeAttribute.js';

/**
 * One operator of a graph being built, ready to be encoded as an ONNX `NodeProto`.
 *
 * @internal
 */
export interface GraphNode {
  /** Its name, such as `/features/features.0/Conv`. */
  readonly name: string;
  /** Its operator, such as `Conv`. */
  readonly op: string;
  /** Names of the tensors it reads (data first, then weights). */
  readonly inputs: readonly string[];
  /** Names of the tensors it writes. */
  readonly outputs: readonly string[];
  /** Its attributes. */
  readonly attributes: readonly NodeAttribute[];
}
