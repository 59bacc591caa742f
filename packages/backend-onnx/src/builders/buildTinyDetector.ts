import { OnnxGraphBuilder } from './OnnxGraphBuilder.js';
import type { TinyDetectorOptions } from './TinyDetectorOptions.js';

/** The quadrants and a centred box of half the side, for an input of `size` pixels. */
function defaultBoxes(size: number): [number, number, number, number][] {
  const half = size / 2;
  return [[0, 0, half, half], [half, 0, size, half], [0, half, half, size], [half, half, size, size], [half / 2, half / 2, half + half / 2, half + half / 2]];
}

/**
 * Builds a tiny box detector with random weights whose output has the layout of polycam's
 * `detection` target: per image, one row `(x1, y1, x2, y2, p_0, …, p_{K−1})` per fixed box. A
 * 3×3 conv (8 channels) + ReLU and a 2×2 max pooling give a feature map at half the input's
 * size; a 1×1 conv gives K class logits per feature cell; each box's logits are the mean over
 * the cells whose centres lie inside it (a fixed `Gemm`), and its scores their softmax. The
 * corners are the bias of a `Gemm` with zero weights, so they are the same for every image
 * while the scores depend on the pixels inside each box.
 *
 * @param options - Input size (even; default 32), classes (default 3), the boxes, batch axis
 *   and seed.
 * @returns The `.onnx` model's bytes: input `input` `[batch, 3, size, size]`, output
 *   `detections` `[batch, B, 4 + classes]`.
 * @throws Error for an odd size or a box that holds no feature cell.
 */
export function buildTinyDetector(options: TinyDetectorOptions = {}): Uint8Array {
  const { size = 32, classes = 3, batch = 'batch', seed = 0 } = options;
  if (size % 2 !== 0) throw new Error(`the tiny detector needs an even input size, not ${size}`);
  const boxes = options.boxes ?? defaultBoxes(size);
  const graph = new OnnxGraphBuilder({ inputShape: [batch, 3, size, size], seed, outputName: 'detections' });
  let tensor = graph.relu(graph.conv(graph.imageTensor, 8, { kernel: 3, pad: 1, scope: '/backbone/conv' }), '/backbone/relu');
  tensor = graph.maxPool(tensor, { kernel: 2, stride: 2, scope: '/backbone/pool' });
  const logits = graph.flatten(graph.conv(tensor, classes, { kernel: 1, scope: '/classifier' }), '/classifier');
  const cells = size / 2;
  const plane = cells * cells;
  const pooling = new Float32Array(boxes.length * classes * classes * plane);
  boxes.forEach(([x1, y1, x2, y2], box) => {
    const inside = Array.from({ length: plane }, (_, cell) => cell).filter((cell) => {
      const [centreX, centreY] = [(cell % cells) * 2 + 1, Math.floor(cell / cells) * 2 + 1];
      return centreX > x1 && centreX < x2 && centreY > y1 && centreY < y2;
    });
    if (inside.length === 0) throw new Error(`the box (${[x1, y1, x2, y2].join(', ')}) holds no feature cell of the tiny detector`);
    for (let k = 0; k < classes; k += 1) {
      inside.forEach((cell) => (pooling[(box * classes + k) * classes * plane + k * plane + cell] = 1 / inside.length));
    }
  });
  const pooled = graph.fixedGemm(logits, { dims: [boxes.length * classes, classes * plane], data: pooling }, new Float32Array(boxes.length * classes), '/head/pool');
  const scores = graph.softmax(graph.reshape(pooled, [boxes.length, classes], '/head/scores'), '/head/scores');
  const zero = { dims: [boxes.length * 4, classes * plane], data: new Float32Array(boxes.length * 4 * classes * plane) };
  const corners = graph.reshape(graph.fixedGemm(logits, zero, Float32Array.from(boxes.flat()), '/head/boxes'), [boxes.length, 4], '/head/boxes');
  return graph.build(graph.concat([corners, scores], '/head', 1));
}
