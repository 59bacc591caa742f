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

function isInputNamed(field: Uint8Array, name: string): boolean {
  const nameField = readProtoFields(field).find((entry) => entry.number === VALUE_INFO.name && entry.wireType === 2);
  return nameField !== undefined && new TextDecoder().decode(nameField.bytes) === name;
}

/**
 * Rewrites an ONNX model so that it builds its own masked inputs: the image input is replaced by
 * four inputs, `polycam_image` (one image, in the model's layout), `polycam_masks` (`[N, h, w]`,
 * any h and w) and the two interpolation matrices `polycam_rows` (`[H, h]`) and
 * `polycam_columns` (`[w, W]`) of a bilinear resize from h×w to H×W (see `bilinearMatrix`).
 * New first nodes compute `image ⊙ (rows · masks · columns)`, broadcast over channels, under
 * the original input's name: two MatMuls and a Mul. With half-pixel matrices this is
 * PyTorch's bilinear `align_corners=False` resize (source coordinates clamped at the borders),
 * up to float rounding. Two small matrix products cost a fraction of ONNX Resize's gather per
 * output pixel for the low-resolution masks of deep layers, which are most of Poly-CAM's passes.
 * Every other byte of the model is kept. The new nodes use the operator forms of the model's own
 * opset (Unsqueeze's axes are an attribute before opset 13).
 *
 * The new inputs are named by {@link maskedInputNames}. A model needs opset 11 or later.
 *
 * @param model - The `.onnx` file's bytes.
 * @param input - The image input's name, layout, `[C, H, W]` shape and the model's opset.
 * @returns The rewritten model's bytes.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-model` when the model's
 *   bytes are not a protobuf message.
 */
export function withMaskedInput(model: Uint8Array, input: MaskedInputSpec): Uint8Array {
  const [channels, height, width] = input.shape;
  const { image, masks, rows, columns } = maskedInputNames;
  const channelsLast = input.layout === 'NHWC';
  // [N, H, W] gets its channel axis: [N, 1, H, W] for NCHW, [N, H, W, 1] for NHWC.
  const channelAxis = channelsLast ? 3 : 1;
  const prologue = [
    node('MatMul', [masks, columns], 'polycam_masks_wide'),
    node('MatMul', [rows, 'polycam_masks_wide'], 'polycam_upsampled'),
    input.opset >= 13
      ? node('Unsqueeze', ['polycam_upsampled', 'polycam_channel_axis'], 'polycam_upsampled_4d')
      : node('Unsqueeze', ['polycam_upsampled'], 'polycam_upsampled_4d', [{ name: 'axes', kind: 'ints', value: [channelAxis] }]),
    node('Mul', [image, 'polycam_upsampled_4d'], input.name),
  ];
  const constants = input.opset >= 13 ? [int64('polycam_channel_axis', [channelAxis])] : [];
  const imageDims = channelsLast ? [1, height, width, channels] : [1, channels, height, width];
  const inputs = [
    new ProtoMessageWriter().bytes(GRAPH.input, encodeValueInfo(image, imageDims)).finish(),
    new ProtoMessageWriter().bytes(GRAPH.input, encodeValueInfo(masks, ['masks', 'mask_height', 'mask_width'])).finish(),
    new ProtoMessageWriter().bytes(GRAPH.input, encodeValueInfo(rows, [height, 'mask_height'])).finish(),
    new ProtoMessageWriter().bytes(GRAPH.input, encodeValueInfo(columns, ['mask_width', width])).finish(),
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
