import { fuseStages, seededRandom, stageMapOf, type Map2D } from '@polycam/core';
import { RefineCamFusion } from '@polycam/method-baselines';
import { describe, expect, it } from 'vitest';
import { bilinear, bruteRefineCam, largestDifference, scaleCamImage } from './refineCam.testkit.js';

function randomCam(seed: number, height: number, width: number): Map2D {
  const random = seededRandom(seed);
  return { height, width, data: Float32Array.from({ length: height * width }, () => Math.max(0, random() * 4 - 1)) };
}

function constant(height: number, width: number, value: number): Map2D {
  return { height, width, data: new Float32Array(height * width).fill(value) };
}

/** RefineCAM by the explainer's route: fuse deepest first at the input's size, then the stage map. */
function refined(cams: readonly Map2D[], height: number, width: number): Map2D {
  const fusion = new RefineCamFusion();
  return stageMapOf(fusion, fuseStages(cams.map((cam) => ({ cam })), fusion, { height, width }), height, width);
}

describe('RefineCamFusion', () => {
  it('hand-worked, at the input’s size: [1, 3, 5, 1] and [4, 2, 0, 4] scale to [0, .5, 1, 0] and [1, .5, 0, 1], whose product [0, .25, 0, 0] scales to [0, 1, 0, 0]', () => {
    const map = refined([{ height: 2, width: 2, data: Float32Array.of(1, 3, 5, 1) }, { height: 2, width: 2, data: Float32Array.of(4, 2, 0, 4) }], 2, 2);
    expect(map.data[0]).toBe(0);
    expect(map.data[1]).toBeCloseTo(1, 6);
    expect(map.data[2]).toBe(0);
    expect(map.data[3]).toBe(0);
  });

  it.each([
    ['three layers, 2×2, 4×4 and 8×8, on a 16×16 input', [[2, 2], [4, 4], [8, 8]], [16, 16]],
    ['two non-square layers, 3×5 and 6×10, on a 12×20 input', [[3, 5], [6, 10]], [12, 20]],
    ['three layers, 4×4, 7×7 and 14×14, on a 28×28 input (odd factors)', [[4, 4], [7, 7], [14, 14]], [28, 28]],
  ] as const)('equals mm(Π_l mm(resize(mm(C_l)))) by brute force for %s', (_label, sizes, [height, width]) => {
    const cams = sizes.map(([h, w], index) => randomCam(10 + index, h, w)).reverse();
    const map = refined(cams, height, width);
    expect([map.height, map.width]).toEqual([height, width]);
    expect(largestDifference(map.data, bruteRefineCam(cams, height, width))).toBeLessThan(1e-6);
    expect(Math.max(...map.data)).toBeCloseTo(1, 6);
  });

  it('stages each layer as RefineCAM of the layers from it down: the deeper stage by brute force on the deeper CAMs alone', () => {
    const fusion = new RefineCamFusion();
    const [shallow, middle, deep] = [randomCam(1, 8, 8), randomCam(2, 4, 4), randomCam(3, 2, 2)];
    const deepest = fusion.fuse(deep, undefined, { height: 16, width: 16 });
    const middleFused = fusion.fuse(middle, deepest, { height: 16, width: 16 });
    expect(largestDifference(fusion.stageMap(deepest, 16, 16).data, bruteRefineCam([deep], 16, 16))).toBeLessThan(1e-6);
    expect(largestDifference(fusion.stageMap(middleFused, 16, 16).data, bruteRefineCam([middle, deep], 16, 16))).toBeLessThan(1e-6);
    const last = fusion.stageMap(fusion.fuse(shallow, middleFused, { height: 16, width: 16 }), 16, 16);
    expect(largestDifference(last.data, bruteRefineCam([shallow, middle, deep], 16, 16))).toBeLessThan(1e-6);
  });

  it('multiplies at the input’s size, which differs from multiplying at the layers’ sizes and resizing the product', () => {
    const cams = [randomCam(4, 8, 8), randomCam(5, 4, 4)];
    const atLayers = new RefineCamFusion();
    const coarse = fuseStages(cams.map((cam) => ({ cam })), atLayers); // no input size: at the shallowest CAM's 8×8
    expect([coarse.height, coarse.width]).toEqual([8, 8]);
    const resizedAfter = atLayers.stageMap(coarse, 16, 16);
    const exact = bruteRefineCam(cams, 16, 16);
    expect(largestDifference(refined(cams, 16, 16).data, exact)).toBeLessThan(1e-6);
    expect(largestDifference(resizedAfter.data, exact)).toBeGreaterThan(1e-3);
  });

  it('scales again after resizing, as the reference does: a peak inside a 4×4 CAM, upsampled by 2, reaches only 0.75² of itself', () => {
    const cam: Map2D = { height: 4, width: 4, data: new Float32Array(16) };
    cam.data[5] = 2; // row 1, column 1
    const upsampled = bilinear(scaleCamImage(cam.data), 4, 4, 8, 8);
    expect(Math.max(...upsampled)).toBeCloseTo(0.5625, 6);
    const fused = new RefineCamFusion().fuse(cam, undefined, { height: 8, width: 8 });
    expect(Math.max(...fused.data)).toBeCloseTo(1, 6);
    expect(largestDifference(fused.data, scaleCamImage(upsampled))).toBeLessThan(1e-6);
  });

  it('a constant CAM on one layer zeroes the whole map, as the reference’s scale_cam_image makes it all zero', () => {
    const cams = [randomCam(6, 8, 8), constant(4, 4, 3), randomCam(7, 2, 2)];
    const map = refined(cams, 16, 16);
    expect(map.data.every((value) => value === 0)).toBe(true);
    expect(bruteRefineCam(cams, 16, 16).every((value) => value === 0)).toBe(true);
  });

  it('an all-zero CAM (a dead layer) gives an all-zero map with no NaN, alone or with live layers', () => {
    expect(Array.from(refined([constant(4, 4, 0)], 8, 8).data)).toEqual(new Array(64).fill(0));
    const map = refined([randomCam(8, 8, 8), constant(4, 4, 0)], 16, 16);
    expect(map.data.some(Number.isNaN)).toBe(false);
    expect(map.data.every((value) => value === 0)).toBe(true);
  });

  it('is the single layer’s scaled, resized CAM for one layer', () => {
    const cam = randomCam(9, 4, 4);
    expect(largestDifference(refined([cam], 16, 16).data, scaleCamImage(scaleCamImage(bilinear(scaleCamImage(cam.data), 4, 4, 16, 16))))).toBeLessThan(1e-6);
  });

  it('without the input’s size, fuses at the CAM’s size, resizing a deeper map of another size', () => {
    const fusion = new RefineCamFusion();
    const [cam, deeper] = [randomCam(12, 8, 8), randomCam(13, 4, 4)];
    const fused = fusion.fuse(cam, fusion.fuse(deeper, undefined));
    expect([fused.height, fused.width]).toEqual([8, 8]);
    const expected = bilinear(scaleCamImage(deeper.data), 4, 4, 8, 8).map((value, index) => value * scaleCamImage(cam.data)[index]!);
    expect(largestDifference(fused.data, expected)).toBeLessThan(1e-6);
  });
});
