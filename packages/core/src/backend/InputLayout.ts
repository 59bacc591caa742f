/**
 * The memory layout of a model's image input: channels first (`NCHW`, PyTorch and ONNX) or
 * channels last (`NHWC`, TensorFlow). The core always works in NCHW; a backend converts at its
 * edge.
 */
export type InputLayout = 'NCHW' | 'NHWC';
