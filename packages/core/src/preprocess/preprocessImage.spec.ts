import { describe, expect, it } from 'vitest';
import { PolycamError } from '../errors/PolycamError.js';
import type { ImagePixels } from './ImagePixels.js';
import { preprocessImage } from './preprocessImage.js';
import { errorKindOf } from '@polycam/core/testing';

function expectValues(actual: Float32Array, expected: readonly number[], digits = 5): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((value, index) => expect(actual[index], `[${index}]`).toBeCloseTo(value, digits));
}

const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

describe('preprocessImage', () => {
  // Interleaved RGB: (255,0,128) (0,255,64) / (51,102,204) (10,20,30).
  const rgb: ImagePixels = {
    height: 2,
    width: 2,
    channels: 3,
    data: Uint8Array.from([255, 0, 128, 0, 255, 64, 51, 102, 204, 10, 20, 30]),
  };

  it('gives (p/255 − mean)/std per channel in planar CHW order at the model\'s size (ImageNet defaults)', () => {
    const result = preprocessImage(rgb, { height: 2, width: 2 });
    expect(result.shape).toEqual([3, 2, 2]);
    expect(result.data).toBeInstanceOf(Float32Array);
    const planes = [
      [255, 0, 51, 10],
      [0, 255, 102, 20],
      [128, 64, 204, 30],
    ];
    expectValues(
      result.data,
      planes.flatMap((plane, channel) => plane.map((p) => (p / 255 - MEAN[channel]!) / STD[channel]!)),
    );
    // Hand spot checks: (1 − 0.485)/0.229 = 2.2489083, (0 − 0.456)/0.224 = −2.0357143.
    expect(result.data[0]).toBeCloseTo(2.2489082969432315, 5);
    expect(result.data[4]).toBeCloseTo(-2.0357142857142856, 5);
  });

  it('uses the given mean and std', () => {
    const result = preprocessImage(rgb, { height: 2, width: 2, mean: [0.5, 0, 1], std: [0.5, 2, 0.25] });
    expectValues(result.data.subarray(0, 4), [255, 0, 51, 10].map((p) => (p / 255 - 0.5) / 0.5));
    expectValues(result.data.subarray(4, 8), [0, 255, 102, 20].map((p) => p / 255 / 2));
    expectValues(result.data.subarray(8, 12), [128, 64, 204, 30].map((p) => (p / 255 - 1) / 0.25));
  });

  it('works on a grey image with one-channel statistics', () => {
    const grey: ImagePixels = { height: 1, width: 3, channels: 1, data: Uint8Array.from([0, 51, 255]) };
    const result = preprocessImage(grey, { height: 1, width: 3, mean: [0.5], std: [0.25] });
    expect(result.shape).toEqual([1, 1, 3]);
    expectValues(result.data, [-2, (0.2 - 0.5) / 0.25, 2]);
  });

  it('shrinks 4×4 to 2×2 by 2×2 block averages when antialias is false', () => {
    // value = 16·(4r + c); block averages 40, 72, 168, 200.
    const grey: ImagePixels = { height: 4, width: 4, channels: 1, data: Uint8Array.from({ length: 16 }, (_, i) => 16 * i) };
    const result = preprocessImage(grey, { height: 2, width: 2, mean: [0.5], std: [0.25], antialias: false });
    expect(result.shape).toEqual([1, 2, 2]);
    expectValues(result.data, [40, 72, 168, 200].map((v) => (v / 255 - 0.5) / 0.25));
  });

  it('shrinks with the anti-aliasing triangle filter by default', () => {
    // Weights (3,3,1)/7 and (1,3,3)/7 on each axis: row and column averages 5/7 and 16/7.
    const grey: ImagePixels = { height: 4, width: 4, channels: 1, data: Uint8Array.from({ length: 16 }, (_, i) => 16 * i) };
    const result = preprocessImage(grey, { height: 2, width: 2, mean: [0.5], std: [0.25] });
    const averages = [
      16 * (4 * 5 + 5) / 7,
      16 * (4 * 5 + 16) / 7,
      16 * (4 * 16 + 5) / 7,
      16 * (4 * 16 + 16) / 7,
    ];
    expectValues(result.data, averages.map((v) => (v / 255 - 0.5) / 0.25));
  });

  it('enlarges each channel bilinearly on its own', () => {
    // 1×2 → 1×4: [a, ¾a + ¼b, ¼a + ¾b, b] per channel.
    const image: ImagePixels = { height: 1, width: 2, channels: 3, data: Uint8Array.from([0, 255, 100, 204, 51, 100]) };
    const result = preprocessImage(image, { height: 1, width: 4, mean: [0, 0, 0], std: [1, 1, 1] });
    expect(result.shape).toEqual([3, 1, 4]);
    expectValues(result.data, [0, 0.2, 0.6, 0.8, 1, 0.8, 0.4, 0.2, 100 / 255, 100 / 255, 100 / 255, 100 / 255]);
  });

  it('raises channel-mismatch when mean or std do not match the channels', () => {
    expect(errorKindOf(() => preprocessImage(rgb, { height: 2, width: 2, mean: [0.5], std: STD }))).toBe('channel-mismatch');
    expect(errorKindOf(() => preprocessImage(rgb, { height: 2, width: 2, mean: MEAN, std: [0.2, 0.2] }))).toBe('channel-mismatch');
    const grey: ImagePixels = { height: 1, width: 1, channels: 1, data: Uint8Array.from([7]) };
    expect(errorKindOf(() => preprocessImage(grey, { height: 1, width: 1 }))).toBe('channel-mismatch');
  });

  it('raises invalid-argument for a zero, negative or non-finite statistic', () => {
    const grey: ImagePixels = { height: 1, width: 1, channels: 1, data: Uint8Array.from([7]) };
    expect(errorKindOf(() => preprocessImage(grey, { height: 1, width: 1, mean: [0.5], std: [-1] }))).toBe('invalid-argument');
    expect(errorKindOf(() => preprocessImage(grey, { height: 1, width: 1, mean: [0.5], std: [0] }))).toBe('invalid-argument');
    expect(errorKindOf(() => preprocessImage(grey, { height: 1, width: 1, mean: [Number.NaN], std: [1] }))).toBe('invalid-argument');
    expect(errorKindOf(() => preprocessImage(grey, { height: 1, width: 1, mean: [0], std: [Number.POSITIVE_INFINITY] }))).toBe('invalid-argument');
  });

  it('does not modify the image', () => {
    const copy = rgb.data.slice();
    preprocessImage(rgb, { height: 1, width: 1 });
    expect(Array.from(rgb.data)).toEqual(Array.from(copy));
  });
});
