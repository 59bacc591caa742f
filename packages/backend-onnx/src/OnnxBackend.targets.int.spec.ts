import { OnnxBackend } from '@polycam/backend-onnx';
import { buildTinyCnn, buildTinySegmenter } from '@polycam/backend-onnx/builders';
import { createPolycamContainer, preprocessImage, TOKENS, type Explainer, type ExplainRequest, type TargetFunction, type Tensor } from '@polycam/core';
import { errorKindOf, rejectionKindOf } from '@polycam/core/testing';
import { baselinesModule } from '@polycam/method-baselines';
import { polycamModule } from '@polycam/method-polycam';
import { bundledDemoModel, generateScene, type DatasetManifest } from '@polycam/synthetic';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomImages } from './onnxSpec.testkit.js';
import { expectLikeBruteForce, fullImagesOnly, MAP_TOLERANCE, maxDifference, withBackend } from './targetSpec.testkit.js';

// Targets end to end on onnxruntime: PCAM± explaining a region of a segmentation network's
// [N, C, H, W] logits and the cosine similarity of an intermediate global-pool tensor, each
// compared with the map of a custom target that computes the same score by brute force here.
/** The pixels (y·W + x) whose largest of C logits z[k·HW + p] is class c, found by sorting. */
function predictedPixels(output: Float32Array, channels: number, plane: number, classIndex: number): number[] {
  return Array.from({ length: plane }, (_, pixel) => pixel).filter((pixel) => {
    const ranked = Array.from({ length: channels }, (_, k) => k).sort((a, b) => output[b * plane + pixel]! - output[a * plane + pixel]! || a - b);
    return ranked[0] === classIndex;
  });
}

/** Σ_{p∈R} e^{z_c,p} / Σ_k e^{z_k,p}, or Σ_{p∈R} z_c,p for logits, in float64, rounded once. */
function bruteRegionTarget(channels: number, plane: number, classIndex: number, region: readonly number[], logits = false): TargetFunction {
  return {
    label: 'brute-force region',
    score: (z) => {
      let total = 0;
      for (const pixel of region) {
        if (logits) {
          total += z[classIndex * plane + pixel]!;
          continue;
        }
        let denominator = 0;
        for (let k = 0; k < channels; k += 1) denominator += Math.exp(z[k * plane + pixel]!);
        total += Math.exp(z[classIndex * plane + pixel]!) / denominator;
      }
      return Math.fround(total);
    },
  };
}

/** ⟨o, r⟩ / (‖o‖ ‖r‖) in float64, rounded once. */
function bruteCosine(reference: Float32Array): TargetFunction {
  return {
    label: 'brute-force cosine',
    score: (o) => {
      let [dot, oo, rr] = [0, 0, 0];
      o.forEach((value, index) => {
        dot += value * reference[index]!;
        oo += value * value;
        rr += reference[index]! * reference[index]!;
      });
      return Math.fround(dot / Math.sqrt(oo * rr));
    },
  };
}

describe('targets on onnxruntime', () => {
  let explainer: Explainer;
  beforeAll(async () => {
    explainer = (await createPolycamContainer(polycamModule, baselinesModule)).get(TOKENS.Explainer);
  });

  describe('segmentation, on a [N, 3, 32, 32] segmenter with a bilinear Resize', () => {
    const [CLASSES, SIZE] = [3, 32];
    const PLANE = SIZE * SIZE;
    let input: Tensor;
    let unmasked: Float32Array;
    let classIndex: number;

    beforeAll(async () => {
      await withBackend(OnnxBackend.load({ bytes: buildTinySegmenter({ seed: 3 }) }), async (backend) => {
      input = randomImages(1, [3, SIZE, SIZE], 21);
      unmasked = (await backend.run({ input })).output.data.slice();
      // The class predicted on the most pixels, but not everywhere.
      const counts = [0, 1, 2].map((c) => predictedPixels(unmasked, CLASSES, PLANE, c).length);
      classIndex = counts.indexOf(Math.max(...counts));
      expect(counts[classIndex]).toBeLessThan(PLANE);
      });
    });

    it.each(['batch', 1] as const)('describes the per-image output as [C, H, W] (batch axis %s)', async (batch) => {
      await withBackend(OnnxBackend.load({ bytes: buildTinySegmenter({ seed: 3, batch }) }), async (backend) => {
      expect(backend.description.output).toEqual({ name: 'out', shape: [CLASSES, SIZE, SIZE], size: CLASSES * PLANE });
      });
    });

    it.each(['batch', 1] as const)('explains the pixels predicted as a class as the brute force does, masked inputs and full images alike (batch axis %s)', async (batch) => {
      await withBackend(OnnxBackend.load({ bytes: buildTinySegmenter({ seed: 3, batch }) }), async (backend) => {
      const request: ExplainRequest = { backend, input, method: 'pcam±', target: { kind: 'segmentation', options: { classIndex } } };
      const region = predictedPixels(unmasked, CLASSES, PLANE, classIndex);
      const result = await expectLikeBruteForce(explainer, request, bruteRegionTarget(CLASSES, PLANE, classIndex, region), 1e-6 * region.length);
      expect(result.classIndex).toBe(classIndex);
      expect(result.target).toBe(`segmentation softmax[${classIndex}] over ${region.length} pixels`);
      const full = await explainer.explain({ ...request, backend: fullImagesOnly(backend) });
      expect(maxDifference(full.map.data, result.map.data)).toBeLessThan(MAP_TOLERANCE);
      });
    }, 120_000);

    it.each(['occlusion', 'rise'])('explains the predicted region with the %s attribution method as the brute force does', async (method) => {
      await withBackend(OnnxBackend.load({ bytes: buildTinySegmenter({ seed: 3 }) }), async (backend) => {
        const region = predictedPixels(unmasked, CLASSES, PLANE, classIndex);
        const request: ExplainRequest = { backend, input, method, target: { kind: 'segmentation', options: { classIndex } } };
        const result = await expectLikeBruteForce(explainer, request, bruteRegionTarget(CLASSES, PLANE, classIndex, region), 1e-6 * region.length);
        expect(result.method.preset).toBe(method);
      });
    }, 120_000);

    it('explains the summed logits over a given mask, resized from 8×8', async () => {
      await withBackend(OnnxBackend.load({ bytes: buildTinySegmenter({ seed: 3 }) }), async (backend) => {
      // An 8×8 mask whose cells (2..4, 1..5) are set: output pixels y in 8..19, x in 4..23.
      const mask = Float32Array.from({ length: 64 }, (_, cell) => (Math.floor(cell / 8) >= 2 && Math.floor(cell / 8) <= 4 && cell % 8 >= 1 && cell % 8 <= 5 ? 255 : 0));
      const region = Array.from({ length: PLANE }, (_, pixel) => pixel).filter((pixel) => Math.floor(pixel / SIZE) >= 8 && Math.floor(pixel / SIZE) < 20 && pixel % SIZE >= 4 && pixel % SIZE < 24);
      const request: ExplainRequest = { backend, input, method: 'pcam+', scoreFunction: 'identity', target: { kind: 'segmentation', options: { classIndex: 1, region: { height: 8, width: 8, data: mask } } } };
      const result = await expectLikeBruteForce(explainer, request, bruteRegionTarget(CLASSES, PLANE, 1, region, true), 1e-6 * region.length);
      expect(result.target).toBe(`segmentation identity[1] over ${region.length} pixels`);
      });
    }, 120_000);

    it('refuses a class target, and a class out of range, before any pass', async () => {
      await withBackend(OnnxBackend.load({ bytes: buildTinySegmenter({ seed: 3 }) }), async (backend) => {
      expect(errorKindOf(() => explainer.prepare({ backend, input, target: { kind: 'segmentation', options: { classIndex: 3 } } }))).toBe('class-out-of-range');
      expect(() => explainer.prepare({ backend, input })).toThrow(/needs a class vector, but output 'out' has shape \[3, 32, 32\]/);
      });
    });
  });

  describe('embedding, on a global-average-pool tensor named as the output', () => {
    const GAP = '/avgpool/GlobalAveragePool_output_0';

    it('outputs the intermediate tensor from the plain, tapped and masked-input sessions alike', async () => {
      await withBackend(OnnxBackend.load({ bytes: buildTinyCnn({ seed: 7 }) }, { output: GAP }), async (backend) => {
      expect(backend.description.output).toEqual({ name: GAP, shape: [16, 1, 1], size: 16 });
      const input = randomImages(1, [3, 32, 32], 4);
      const plain = (await backend.run({ input })).output;
      const tapped = await backend.run({ input, taps: [GAP] });
      const masked = (await backend.maskedInputs!.runMasked({ image: input, masks: { shape: [1, 2, 2], data: new Float32Array(4).fill(1) } })).output;
      expect(plain.shape).toEqual([1, 16]);
      expect(tapped.output.data).toEqual(plain.data);
      expect(tapped.activations.get(GAP)!.data).toEqual(plain.data);
      expect(masked.data).toEqual(plain.data);
      });
    });

    it('refuses an unknown output, naming the graph outputs', async () => {
      const failure = OnnxBackend.load({ bytes: buildTinyCnn({ seed: 7 }) }, { output: '/avgpool/nope' });
      expect(await rejectionKindOf(failure)).toBe('invalid-model');
      await expect(OnnxBackend.load({ bytes: buildTinyCnn({ seed: 7 }) }, { output: '/avgpool/nope' })).rejects.toThrow(/named '\/avgpool\/nope' \(graph outputs: logits\)/);
    });

    it('explains the similarity to another image as the brute force does, masked inputs and full images alike', async () => {
      await withBackend(OnnxBackend.load({ bytes: buildTinyCnn({ seed: 7 }) }, { output: GAP }), async (backend) => {
      const [input, other] = [randomImages(1, [3, 32, 32], 5), randomImages(1, [3, 32, 32], 6)];
      const reference = (await backend.run({ input: other })).output.data.slice();
      const request: ExplainRequest = { backend, input, method: 'pcam±', target: { kind: 'embedding', options: { reference } } };
      const result = await expectLikeBruteForce(explainer, request, bruteCosine(reference), 1e-6);
      expect(result.classIndex).toBeUndefined();
      expect(result.score).toBeLessThan(1);
      const full = await explainer.explain({ ...request, backend: fullImagesOnly(backend) });
      expect(maxDifference(full.map.data, result.map.data)).toBeLessThan(MAP_TOLERANCE);
      });
    }, 120_000);
  });

  describe('the bundled demo classifier', () => {
    const { modelPath, imagesFolder, metadata } = bundledDemoModel();
    const GAP = '/avgpool/GlobalAveragePool_output_0';

    async function demoImages(): Promise<[Tensor, Tensor]> {
      const manifest = JSON.parse(await readFile(join(imagesFolder, 'manifest.json'), 'utf8')) as DatasetManifest;
      const [a, b] = manifest.splits.test.filter((item, index, all) => index === 0 || item.objects[0]!.label !== all[0]!.objects[0]!.label).slice(0, 2);
      const image = (item: typeof a): Tensor => {
        const scene = generateScene({ seed: item!.seed, size: manifest.size, labels: item!.objects.map((object) => object.label) });
        return preprocessImage(scene.image, { height: manifest.size, width: manifest.size, mean: metadata.mean, std: metadata.std });
      };
      return [image(a), image(b)];
    }

    it('explains demo image A towards demo image B through its global-pool tensor, as the brute force does', async () => {
      await withBackend(OnnxBackend.load({ path: modelPath }, { output: GAP }), async (backend) => {
      expect(backend.description.output.shape).toEqual([128, 1, 1]);
      const [imageA, imageB] = await demoImages();
      const reference = (await backend.run({ input: { shape: [1, ...imageB.shape.slice(-3)], data: imageB.data } })).output.data.slice();
      const request: ExplainRequest = { backend, input: imageA, method: 'pcam±', target: { kind: 'embedding', options: { reference } } };
      const result = await expectLikeBruteForce(explainer, request, bruteCosine(reference), 1e-6);
      expect(result.score).toBeGreaterThan(-1);
      expect(result.score).toBeLessThan(0.999);
      });
    }, 300_000);

    it("keeps the class target's map: the default and { kind: 'class' } give the same map bit for bit", async () => {
      await withBackend(OnnxBackend.load({ path: modelPath }), async (backend) => {
      const [imageA] = await demoImages();
      const byDefault = await explainer.explain({ backend, input: imageA, method: 'pcam+' });
      const byKind = await explainer.explain({ backend, input: imageA, method: 'pcam+', target: { kind: 'class', options: { classIndex: byDefault.classIndex } } });
      expect(byKind.map.data).toEqual(byDefault.map.data);
      expect(byKind.score).toBe(byDefault.score);
      });
    }, 300_000);
  });
});
