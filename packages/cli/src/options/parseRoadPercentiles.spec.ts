import { describe, expect, it } from 'vitest';
import { catchPolycamError } from './catchPolycamError.testkit.js';
import { parseMetricList } from './parseMetricList.js';
import { parseRoadPercentiles } from './parseRoadPercentiles.js';

describe('parseRoadPercentiles', () => {
  it('reads percentages in [0, 100], ends included, in the order given', () => {
    expect(parseRoadPercentiles('10,20,30,40,50,60,70,80,90')).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(parseRoadPercentiles(' 100, 0,12.5')).toEqual([100, 0, 12.5]);
  });

  it.each([['50,120'], ['-1'], ['50,x'], ['']])("rejects '%s' with one line naming the flag", (text) => {
    const error = catchPolycamError(() => parseRoadPercentiles(text));
    expect(error.kind).toBe('invalid-argument');
    expect(error.message).toContain('--road-percentiles');
  });
});

describe('parseMetricList', () => {
  it('accepts road among the measures, and refuses it where a command offers fewer', () => {
    expect(parseMetricList('road,insertion,road')).toEqual(['road', 'insertion']);
    const error = catchPolycamError(() => parseMetricList('insertion,road', ['insertion', 'deletion', 'drop-increase']));
    expect(error.message).toBe("unknown metric 'road' (available: insertion, deletion, drop-increase)");
  });
});
