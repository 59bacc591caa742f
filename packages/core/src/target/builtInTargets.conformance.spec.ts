import { ClassTargetPlugin, DetectionTargetPlugin, EmbeddingTargetPlugin, SegmentationTargetPlugin, seededRandom, type TargetArgumentLoader } from '@polycam/core';
import { describeTargetPluginConformance } from '@polycam/core/testing';

// The four built-in targets through the shared conformance suite, on outputs built here.

const random = seededRandom(5);
const values = (length: number, scale = 3): Float32Array => Float32Array.from({ length }, () => (random() * 2 - 1) * scale);
const vector = (name: string, size: number) => ({ name, shape: [size], size });

const logits = values(5);
const mask = { height: 2, width: 2, data: Float32Array.of(1, 0, 0, 1) };
const reference = values(8);
const embedding = values(8);
const loader: TargetArgumentLoader = {
  readMask: async () => mask,
  readVector: async () => reference,
  outputOf: async () => reference,
};

// [3, 4, 4] logits where class 1 wins the first row of pixels.
const segmentation = values(48);
for (let x = 0; x < 4; x += 1) segmentation[16 + x] = 10;
const segmentationOutput = { name: 'seg', shape: [3, 4, 4], size: 48 };

// Three box rows (x1, y1, x2, y2, score_0, score_1): the first overlaps (0, 0, 10, 10) with IoU 64 / 108 and is class 1.
const boxes = Float32Array.of(1, 2, 9, 11, 0.2, 0.9, 20, 20, 30, 30, 0.9, 0.1, -8, -8, -2, -1, 0.4, 0.6);
const boxOutput = { name: 'boxes', shape: [3, 6], size: 18 };

describeTargetPluginConformance(new ClassTargetPlugin(), [
  { label: 'a given class, softmax', output: vector('logits', 5), options: { classIndex: 2 }, unmasked: logits, argument: { text: '2', loader }, wrongOutput: segmentationOutput },
  { label: 'the argmax, sigmoid', output: vector('logits', 5), options: undefined, unmasked: logits, scoreFunction: 'sigmoid', argument: { text: '', loader }, wrongOutput: segmentationOutput },
  { label: 'a class, identity', output: vector('logits', 5), options: { classIndex: 4 }, unmasked: logits, scoreFunction: 'identity', wrongOutput: vector('logits', 3) },
  { label: 'a single output', output: vector('logit', 1), options: { classIndex: 0 }, unmasked: Float32Array.of(0.4), wrongOutput: segmentationOutput },
]);

describeTargetPluginConformance(new SegmentationTargetPlugin(), [
  { label: 'the predicted region, softmax', output: segmentationOutput, options: { classIndex: 1 }, unmasked: segmentation, argument: { text: '1', loader }, wrongOutput: vector('logits', 48) },
  { label: 'a mask, sigmoid', output: segmentationOutput, options: { classIndex: 2, region: mask }, unmasked: segmentation, scoreFunction: 'sigmoid', argument: { text: '2:m.png', loader }, wrongOutput: { name: 'seg', shape: [1, 3, 4, 4], size: 48 } },
  { label: 'a mask, identity', output: segmentationOutput, options: { classIndex: 0, region: mask }, unmasked: segmentation, scoreFunction: 'identity', wrongOutput: { ...segmentationOutput, shape: [4, 4], size: 16 } },
  { label: 'a single-channel head', output: { name: 'fg', shape: [1, 4, 4], size: 16 }, options: { classIndex: 0 }, unmasked: segmentation.slice(16, 32), wrongOutput: vector('fg', 16) },
]);

describeTargetPluginConformance(new EmbeddingTargetPlugin(), [
  { label: 'a .npy reference', output: vector('embedding', 8), options: { reference }, unmasked: embedding, argument: { text: 'ref.npy', loader }, wrongOutput: vector('embedding', 7) },
  { label: 'a reference image, a [2, 2, 2] output', output: { name: 'features', shape: [2, 2, 2], size: 8 }, options: { reference }, unmasked: embedding, argument: { text: 'ref.png', loader }, wrongOutput: vector('embedding', 9) },
]);

describeTargetPluginConformance(new DetectionTargetPlugin(), [
  { label: 'a matched box', output: boxOutput, options: { classIndex: 1, box: [0, 0, 10, 10], iouThreshold: 0.3 }, unmasked: boxes, argument: { text: '1:0,0,10,10:0.3', loader }, wrongOutput: vector('boxes', 18) },
  { label: 'a box of another class', output: boxOutput, options: { classIndex: 0, box: [0, 0, 10, 10] }, unmasked: boxes, argument: { text: '0:0,0,10,10', loader }, wrongOutput: { name: 'boxes', shape: [3, 4], size: 12 } },
]);
