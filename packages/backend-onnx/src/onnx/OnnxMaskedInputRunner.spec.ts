import { OnnxBackend } from '@polycam/backend-onnx';
import { buildTinyCnn } from '@polycam/backend-onnx/builders';
import { PolycamError, seededRandom, type Tensor } from '@polycam/core';
import { resizeBilinear } from '@polycam/core/kernels';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concatenateBytes } from './concatenateBytes.js';
import { onnxFields } from './onnxFields.js';
import { ProtoMessageWriter } from './ProtoMessageWriter.js';
import { readProtoFields } from './readProtoFields.js';
import { maxRelativeDifference } from '../onnxSpec.testkit.js';

// runMasked({ image, masks }) must give what a plain run gives on the masked images
// X ⊙ resize(M), built here with core's resizeBilinear (PyTorch's align_corners=False).

const SIZE = 32;
const CLASSES = 4;

function randomImage(seed: number): Tensor {
  const random = seededRandom(seed);
  return { shape: [1, 3, SIZE, SIZE], data: Float32Array.from({ length: 3 * SIZE * SIZE }, () => random() * 4 - 2) };
}

function randomMasks(count: number, height: number, width: number, seed: number): Tensor {
  const random = seededRandom(seed);
  return { shape: [count, height, width], data: Float32Array.from({ length: count * height * width }, () => random()) };
}

/** The masked images X ⊙ resize(M_i), NCHW, the mask broadcast over the channels. */
function maskedImages(image: Tensor, masks: Tensor): Tensor {
  const [count, height, width] = masks.shape as [number, number, number];
  const plane = SIZE * SIZE;
  const output = new Float32Array(count * 3 * plane);
  for (let index = 0; index < count; index += 1) {
    const mask = resizeBilinear({ height, width, data: masks.data.slice(index * height * width, (index + 1) * height * width) }, SIZE, SIZE).data;
    for (let channel = 0; channel < 3; channel += 1) {
      for (let pixel = 0; pixel < plane; pixel += 1) {
        output[(index * 3 + channel) * plane + pixel] = image.data[channel * plane + pixel]! * mask[pixel]!;
      }
    }
  }
  return { shape: [count, 3, SIZE, SIZE], data: output };
}

async function kindOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return PolycamError.is(error) ? error.kind : `not a PolycamError: ${String(error)}`;
  }
  return 'resolved';
}

/** Replaces a model's default-domain opset version. */
function withOpset(model: Uint8Array, version: number): Uint8Array {
  const { model: MODEL, opset: OPSET } = onnxFields;
  const opset = new ProtoMessageWriter().string(OPSET.domain, '').int(OPSET.version, version).finish();
  return concatenateBytes(
    readProtoFields(model).map((field) => (field.number === MODEL.opsetImport ? new ProtoMessageWriter().bytes(MODEL.opsetImport, opset).finish() : field.raw)),
  );
}

const MODELS = [
  { label: 'a dynamic batch', bytes: () => buildTinyCnn({ seed: 30 }) },
  { label: 'a fixed batch of 1', bytes: () => buildTinyCnn({ seed: 31, batch: 1 }) },
  { label: 'a fixed batch of 2', bytes: () => buildTinyCnn({ seed: 32, batch: 2 }) },
  { label: 'an NHWC input', bytes: () => buildTinyCnn({ seed: 33, inputLayout: 'NHWC' }) },
  { label: 'an NHWC input and a fixed batch of 2', bytes: () => buildTinyCnn({ seed: 34, batch: 2, inputLayout: 'NHWC' }) },
];

describe('OnnxMaskedInputRunner', () => {
  for (const model of MODELS) {
    describe(`on a model with ${model.label}`, () => {
      let backend: OnnxBackend;
      beforeAll(async () => {
        backend = await OnnxBackend.load({ bytes: model.bytes() });
      });
      afterAll(async () => {
        await backend.dispose();
      });

      it('equals plain runs on X ⊙ resize(M) for masks of 1×1, 2×2, 4×4, 3×5 and the input size', async () => {
        const image = randomImage(40);
        const copy = image.data.slice();
        for (const [index, [height, width]] of [[1, 1], [2, 2], [4, 4], [3, 5], [SIZE, SIZE]].entries()) {
          const masks = randomMasks(3, height!, width!, 50 + index);
          const maskCopy = masks.data.slice();
          const masked = await backend.maskedInputs!.runMasked({ image, masks });
          const plain = await backend.run({ input: maskedImages(image, masks) });
          expect(masked.output.shape).toEqual([3, CLASSES]);
          expect(masked.activations.size).toBe(0);
          expect(maxRelativeDifference(masked.output.data, plain.output.data), `${height}×${width}`).toBeLessThan(1e-4);
          // Distinct masks give distinct outputs: the masks do reach the model.
          expect(masked.output.data.subarray(0, CLASSES)).not.toEqual(masked.output.data.subarray(CLASSES, 2 * CLASSES));
          expect(masks.data).toEqual(maskCopy);
        }
        expect(image.data).toEqual(copy);
      });

      it('takes batches of any size, one to five masks', async () => {
        const image = randomImage(41);
        const masks = randomMasks(5, 4, 4, 60);
        const all = await backend.maskedInputs!.runMasked({ image, masks });
        const plain = await backend.run({ input: maskedImages(image, masks) });
        expect(maxRelativeDifference(all.output.data, plain.output.data)).toBeLessThan(1e-4);
        for (let count = 1; count < 5; count += 1) {
          const some = await backend.maskedInputs!.runMasked({ image, masks: { shape: [count, 4, 4], data: masks.data.slice(0, count * 16) } });
          expect(some.output.shape).toEqual([count, CLASSES]);
          expect(maxRelativeDifference(some.output.data, all.output.data.subarray(0, count * CLASSES))).toBeLessThan(1e-5);
        }
      });

      it('gives the zero image\'s output for zero masks, and the image\'s output for masks of ones', async () => {
        const image = randomImage(42);
        const zeros = await backend.maskedInputs!.runMasked({ image, masks: { shape: [3, 2, 3], data: new Float32Array(18) } });
        const zeroImage = await backend.run({ input: { shape: [1, 3, SIZE, SIZE], data: new Float32Array(3 * SIZE * SIZE) } });
        const ones = await backend.maskedInputs!.runMasked({ image, masks: { shape: [2, 5, 5], data: new Float32Array(50).fill(1) } });
        const unmasked = await backend.run({ input: image });
        for (let index = 0; index < 3; index += 1) {
          expect(maxRelativeDifference(zeros.output.data.subarray(index * CLASSES, (index + 1) * CLASSES), zeroImage.output.data)).toBeLessThan(1e-6);
        }
        for (let index = 0; index < 2; index += 1) {
          expect(maxRelativeDifference(ones.output.data.subarray(index * CLASSES, (index + 1) * CLASSES), unmasked.output.data)).toBeLessThan(1e-5);
        }
        expect(zeroImage.output.data).not.toEqual(unmasked.output.data);
      });

      it('rejects mismatched shapes with invalid-argument', async () => {
        const image = randomImage(43);
        const masks = randomMasks(2, 4, 4, 61);
        const wrongImages: Tensor[] = [
          { shape: [1, 3, 16, 16], data: new Float32Array(3 * 256) },
          { shape: [2, 3, SIZE, SIZE], data: new Float32Array(6 * SIZE * SIZE) },
          { shape: [3, SIZE, SIZE], data: image.data },
          { shape: [1, SIZE, SIZE, 3], data: image.data },
        ];
        for (const wrong of wrongImages) {
          expect(await kindOf(backend.maskedInputs!.runMasked({ image: wrong, masks })), wrong.shape.join('×')).toBe('invalid-argument');
        }
        const wrongMasks: Tensor[] = [
          { shape: [4, 4], data: masks.data.slice(0, 16) },
          { shape: [0, 4, 4], data: new Float32Array(0) },
          { shape: [2, 4, 4, 1], data: masks.data },
          { shape: [2, 1, 4, 4], data: masks.data },
        ];
        for (const wrong of wrongMasks) {
          expect(await kindOf(backend.maskedInputs!.runMasked({ image, masks: wrong })), wrong.shape.join('×')).toBe('invalid-argument');
        }
      });

      it('rejects with aborted when the signal has fired', async () => {
        const request = { image: randomImage(44), masks: randomMasks(3, 2, 2, 62) };
        expect(await kindOf(backend.maskedInputs!.runMasked(request, AbortSignal.abort()))).toBe('aborted');
      });
    });
  }

  // BUG (withMaskedInput): the rewrite always writes opset-13 operators (Unsqueeze with its axes
  // as an input), so a model that imports opset 11 or 12 — common PyTorch export settings, and
  // valid for every operator of this model — loads, declares `masked-inputs`, and then fails
  // every masked run with `invalid-model` ("Unsqueeze ... has input size 2 not in range
  // [min=1, max=1]"), which also makes Explainer.explain fail on such models. Remove `.fails`
  // once the rewrite follows the model's opset (or the capability is withheld below opset 13).
  it('works on a model that imports opset 11', async () => {
    const backend = await OnnxBackend.load({ bytes: withOpset(buildTinyCnn({ seed: 35 }), 11) });
    try {
      const image = randomImage(45);
      const masks = randomMasks(2, 2, 2, 63);
      const plain = await backend.run({ input: maskedImages(image, masks) });
      const masked = await backend.maskedInputs!.runMasked({ image, masks });
      expect(maxRelativeDifference(masked.output.data, plain.output.data)).toBeLessThan(1e-4);
    } finally {
      await backend.dispose();
    }
  });
});
