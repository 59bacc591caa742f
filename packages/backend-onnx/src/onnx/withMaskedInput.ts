import { concatenateBytes } from './concatenateBytes.js';
import { encodeNode } from './encodeNode.js';
import { encodeTensor } from './encodeTensor.js';
import { encodeValueInfo } from './encodeValueInfo.js';
import { maskedInputNames } from './maskedInputNames.js';
import type { GraphNode } from './GraphNode.js';
import type { MaskedInputSpec } from './MaskedInputSpec.js';
import { onnxFields } from './onnxFields.js';
import { ProtoMessageWriter } from './ProtoMessageWriter.js';
import { readProtoFields } from './readProtoFields.js';

const { model: MODEL, graph: GRAPH, valueInfo: VALUE_INFO } = onnxFields;

function node(op: string, inputs: string[], output: string, attributes: GraphNode['attributes'] = []): Uint8Array {
  return new ProtoMessageWriter().bytes(GRAPH.node, encodeNode({ name: `/polycam/${output}`, op, inputs, outputs: [output], attributes })).finish();
}

function int64(name: string, values: number[]): Uint8Array {
  return new ProtoMessageWriter().bytes(GRAPH.initializer, encodeTensor(name, [values.length], BigInt64Array.from(values, BigInt))).finish();
}

function emptyFloat(name: string): Uint8Array {
  return new ProtoMessageWriter().bytes(GRAPH.initializer, encodeTensor(name, [0], new Float32Array(0))).finish();
}

function isInputNamed(field: Uint8Array, name: string): boolean {
  const nameField = readProtoFields(field).find((entry) => entry.number === VALUE_INFO.name && entry.wireType === 2);
  return nameField !== undefined && new TextDecoder().decode(nameField.bytes) === name;
}

/**
 * Rewrites an ONNX model so that it builds its own masked inputs: the image input is replaced by
 * two inputs, `polycam_image` (one image, in the model's layout) and `polycam_masks`
 * (`[N, h, w]`, any h and w), and new first nodes compute
 * `image ⊙ Resize(masks, H×W, linear, half_pixel)`, broadcast over channels, under the original
 * input's name. `half_pixel` bilinear resizing is PyTorch's `align_corners=False` (source
 * coordinates clamped at the borders). Every other byte of the model is kept. The new nodes
 * use the operator forms of the model's own opset (Unsqueeze's axes are an attribute before
 * opset 13, and Resize wants explicit empty `roi` and `scales` before it).
 *
 * The two new inputs are named by {@link maskedInputNames}. A model needs opset 11 or later.
 *
 * @param model - The `.onnx` file's bytes.
 * @param input - The image input's name, layout, `[C, H, W]` shape and the model's opset.
 * @returns The rewritten model's bytes.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-model` when the model's
 *   bytes are not a protobuf message.
 */
export function withMaskedInput(model: Uint8Array, input: MaskedInputSpec): Uint8Array {
  const [channels, height, width] = input.shape;
  const { image, masks } = maskedInputNames;
  const channelsLast = input.layout === 'NHWC';
  const modern = input.opset >= 13;
  const prologue = [
    modern
      ? node('Unsqueeze', [masks, 'polycam_axis_1'], 'polycam_masks_4d')
      : node('Unsqueeze', [masks], 'polycam_masks_4d', [{ name: 'axes', kind: 'ints', value: [1] }]),
    node('Shape', [masks], 'polycam_masks_shape'),
    node('Slice', ['polycam_masks_shape', 'polycam_zero', 'polycam_one'], 'polycam_count'),
    node('Concat', ['polycam_count', 'polycam_size_1hw'], 'polycam_sizes', [{ name: 'axis', kind: 'int', value: 0 }]),
    node('Resize', ['polycam_masks_4d', modern ? '' : 'polycam_empty_roi', modern ? '' : 'polycam_empty_scales', 'polycam_sizes'], 'polycam_upsampled', [
      { name: 'mode', kind: 'string', value: 'linear' },
      { name: 'coordinate_transformation_mode', kind: 'string', value: 'half_pixel' },
    ]),
    ...(channelsLast
      ? [node('Transpose', ['polycam_upsampled'], 'polycam_upsampled_nhwc', [{ name: 'perm', kind: 'ints', value: [0, 2, 3, 1] }])]
      : []),
    node('Mul', [image, channelsLast ? 'polycam_upsampled_nhwc' : 'polycam_upsampled'], input.name),
  ];
  const constants = [
    int64('polycam_axis_1', [1]),
    int64('polycam_zero', [0]),
    int64('polycam_one', [1]),
    int64('polycam_size_1hw', [1, height, width]),
    ...(modern ? [] : [emptyFloat('polycam_empty_roi'), emptyFloat('polycam_empty_scales')]),
  ];
  const imageDims = channelsLast ? [1, height, width, channels] : [1, channels, height, width];
  const inputs = [
    new ProtoMessageWriter().bytes(GRAPH.input, encodeValueInfo(image, imageDims)).finish(),
    new ProtoMessageWriter().bytes(GRAPH.input, encodeValueInfo(masks, ['masks', 'mask_height', 'mask_width'])).finish(),
  ];
  const parts = readProtoFields(model).map((field) => {
    if (field.number !== MODEL.graph || field.wireType !== 2) return field.raw;
    const kept = readProtoFields(field.bytes)
      .filter((entry) => !(entry.number === GRAPH.input && entry.wireType === 2 && isInputNamed(entry.bytes, input.name)))
      .map((entry) => entry.raw);
    const graph = concatenateBytes([...prologue, ...kept, ...constants, ...inputs]);
    return new ProtoMessageWriter().bytes(MODEL.graph, graph).finish();
  });
  return concatenateBytes(parts);
}
