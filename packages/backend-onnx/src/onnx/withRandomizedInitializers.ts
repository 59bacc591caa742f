import { PolycamError, redrawWeights } from '@polycam/core';
import { concatenateBytes } from './concatenateBytes.js';
import { onnxFields } from './onnxFields.js';
import { ProtoMessageWriter } from './ProtoMessageWriter.js';
import { readProtoFields } from './readProtoFields.js';
import { readTensorProto } from './readTensorProto.js';

const { model: MODEL, graph: GRAPH, tensor: TENSOR } = onnxFields;
/** `TensorProto.float_data`, which the new `raw_data` replaces. */
const FLOAT_DATA = 4;

/** Little-endian float32 bytes. */
function rawBytes(values: Float32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((value, index) => view.setFloat32(index * 4, value, true));
  return bytes;
}

/**
 * The tensor with its values replaced: every field is kept in place but the value fields; the
 * first of them becomes a `raw_data` field with the new values, the others are dropped.
 */
function withValues(tensor: Uint8Array, values: Float32Array): Uint8Array {
  const data = new ProtoMessageWriter().bytes(TENSOR.rawData, rawBytes(values)).finish();
  let written = false;
  const parts = readProtoFields(tensor).flatMap((field) => {
    if (field.number !== TENSOR.rawData && field.number !== FLOAT_DATA) return [field.raw];
    if (written) return [];
    written = true;
    return [data];
  });
  return concatenateBytes(written ? parts : [...parts, data]);
}

/**
 * Rewrites an ONNX model so that the named float32 initializers hold new random values: each
 * tensor's values are drawn from a Gaussian with that tensor's own mean and standard deviation
 * (a scalar or constant tensor keeps its mean), by core's `redrawWeights`: each tensor's values
 * depend only on `seed` and the tensor's name, so a tensor gets the same values whatever else is randomised
 * with it and in whatever order. Only the named initializers' value fields change (they are
 * written as `raw_data`); every other byte of the model is kept as it was.
 *
 * @internal
 * @param model - The `.onnx` file's bytes.
 * @param names - The initializers to redraw.
 * @param seed - Seeds the draws.
 * @returns The rewritten model's bytes.
 * @throws {@link PolycamError} `unknown-layer` when a name is not a float32 initializer of the
 *   main graph that the model holds itself (not in an external file); `invalid-model` when the
 *   model cannot be decoded.
 */
export function withRandomizedInitializers(model: Uint8Array, names: readonly string[], seed: number): Uint8Array {
  const wanted = new Set(names);
  const done = new Set<string>();
  const parts = readProtoFields(model).map((field) => {
    if (field.number !== MODEL.graph || field.wireType !== 2) return field.raw;
    const graph = readProtoFields(field.bytes).map((entry) => {
      if (entry.number !== GRAPH.initializer || entry.wireType !== 2) return entry.raw;
      const name = readProtoFields(entry.bytes).find((part) => part.number === TENSOR.name && part.wireType === 2);
      if (name === undefined || !wanted.has(new TextDecoder().decode(name.bytes))) return entry.raw; // not decoded
      const tensor = readTensorProto(entry.bytes);
      if (tensor.values === undefined) return entry.raw;
      done.add(tensor.name);
      const values = redrawWeights(tensor.values, tensor.name, seed);
      return new ProtoMessageWriter().bytes(GRAPH.initializer, withValues(entry.bytes, values)).finish();
    });
    return new ProtoMessageWriter().bytes(MODEL.graph, concatenateBytes(graph)).finish();
  });
  const missing = [...wanted].filter((name) => !done.has(name));
  if (missing.length > 0) {
    throw new PolycamError('unknown-layer', `the model holds no float32 initializer named ${missing.map((name) => `'${name}'`).join(', ')}`);
  }
  return concatenateBytes(parts);
}
