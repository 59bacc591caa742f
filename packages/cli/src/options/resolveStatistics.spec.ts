import { imagenetStatistics } from '@polycam/core';
import { describe, expect, it } from 'vitest';
import { catchPolycamError } from './catchPolycamError.testkit.js';
import { resolveStatistics } from './resolveStatistics.js';

describe('resolveStatistics', () => {
  it("uses ImageNet's statistics for an RGB model by default", () => {
    expect(resolveStatistics(3, undefined, undefined)).toEqual({ mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] });
    expect(resolveStatistics(3, undefined, undefined)).toEqual({ mean: imagenetStatistics.mean, std: imagenetStatistics.std });
  });

  it('uses the values given, each list on its own', () => {
    expect(resolveStatistics(3, [0.5, 0.5, 0.5], [0.25, 0.25, 0.25])).toEqual({ mean: [0.5, 0.5, 0.5], std: [0.25, 0.25, 0.25] });
    expect(resolveStatistics(3, [0, 0, 0], undefined)).toEqual({ mean: [0, 0, 0], std: imagenetStatistics.std });
    expect(resolveStatistics(3, undefined, [1, 1, 1])).toEqual({ mean: imagenetStatistics.mean, std: [1, 1, 1] });
  });

  it('takes one value per channel for a greyscale model', () => {
    expect(resolveStatistics(1, [0.5], [0.2])).toEqual({ mean: [0.5], std: [0.2] });
  });

  it("reports 'channel-mismatch' for a 1-channel model without --mean", () => {
    const error = catchPolycamError(() => resolveStatistics(1, undefined, undefined));
    expect(error.kind).toBe('channel-mismatch');
    expect(error.message).toBe("the model's input has 1 channel; give --mean with 1 value");
  });

  it("reports 'channel-mismatch' for a 1-channel model with --mean but without --std", () => {
    const error = catchPolycamError(() => resolveStatistics(1, [0.5], undefined));
    expect(error.kind).toBe('channel-mismatch');
    expect(error.message).toContain('give --std with 1 value');
  });

  it("reports 'channel-mismatch' for a 4-channel model without statistics", () => {
    const error = catchPolycamError(() => resolveStatistics(4, undefined, undefined));
    expect(error.kind).toBe('channel-mismatch');
    expect(error.message).toBe("the model's input has 4 channels; give --mean with 4 values");
  });

  it.each([
    [[1, 2], undefined, '--mean has 2 values but the model\'s input has 3 channels'],
    [undefined, [1, 2, 3, 4], '--std has 4 values but the model\'s input has 3 channels'],
    [[0.5], undefined, '--mean has 1 value but the model\'s input has 3 channels'],
  ])('reports a list of the wrong length: %j %j', (mean, std, message) => {
    const error = catchPolycamError(() => resolveStatistics(3, mean, std));
    expect(error.kind).toBe('channel-mismatch');
    expect(error.message).toBe(message);
  });

  it("reports 'invalid-argument' for a zero standard deviation", () => {
    const error = catchPolycamError(() => resolveStatistics(3, undefined, [0.2, 0, 0.2]));
    expect(error.kind).toBe('invalid-argument');
    expect(error.message).toContain('--std');
    expect(error.message).toContain('non-zero');
  });

  it("reports 'invalid-argument' for a negative standard deviation, naming it", () => {
    const error = catchPolycamError(() => resolveStatistics(3, undefined, [-1, 1, 1]));
    expect(error.kind).toBe('invalid-argument');
    expect(error.message).toMatch(/--std .*positive.*-1/);
  });
});
