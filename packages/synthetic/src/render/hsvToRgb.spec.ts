import { describe, expect, it } from 'vitest';
import { hsvToRgb } from './hsvToRgb.js';

function expectRgb(actual: readonly number[], expected: readonly [number, number, number]): void {
  expect(actual).toHaveLength(3);
  for (let channel = 0; channel < 3; channel += 1) expect(actual[channel], `channel ${channel}`).toBeCloseTo(expected[channel]!, 12);
}

describe('hsvToRgb', () => {
  it('gives the primaries and secondaries at full saturation and value', () => {
    expectRgb(hsvToRgb(0, 1, 1), [1, 0, 0]); // red
    expectRgb(hsvToRgb(1 / 6, 1, 1), [1, 1, 0]); // yellow
    expectRgb(hsvToRgb(1 / 3, 1, 1), [0, 1, 0]); // green
    expectRgb(hsvToRgb(1 / 2, 1, 1), [0, 1, 1]); // cyan
    expectRgb(hsvToRgb(2 / 3, 1, 1), [0, 0, 1]); // blue
    expectRgb(hsvToRgb(5 / 6, 1, 1), [1, 0, 1]); // magenta
  });

  it('gives white and greys when saturation is 0, whatever the hue', () => {
    expectRgb(hsvToRgb(0, 0, 1), [1, 1, 1]);
    expectRgb(hsvToRgb(0.37, 0, 1), [1, 1, 1]);
    expectRgb(hsvToRgb(0.8, 0, 0.5), [0.5, 0.5, 0.5]);
    expectRgb(hsvToRgb(0.2, 0.7, 0), [0, 0, 0]);
  });

  it('interpolates mid hues', () => {
    expectRgb(hsvToRgb(1 / 12, 1, 1), [1, 0.5, 0]); // orange, 30°
    expectRgb(hsvToRgb(5 / 12, 1, 1), [0, 1, 0.5]); // spring green, 150°
    expectRgb(hsvToRgb(7 / 12, 1, 1), [0, 0.5, 1]); // azure, 210°
    expectRgb(hsvToRgb(11 / 12, 1, 1), [1, 0, 0.5]); // rose, 330°
    // 90° (chartreuse) at s = 0.5, v = 0.8: max 0.8, min 0.8·0.5 = 0.4, red halfway = 0.6.
    expectRgb(hsvToRgb(0.25, 0.5, 0.8), [0.6, 0.8, 0.4]);
    // 285°: three quarters of the way from blue (240°) to magenta (300°), red rises to 0.75.
    expectRgb(hsvToRgb(285 / 360, 1, 1), [0.75, 0, 1]);
  });

  it('wraps hues outside [0, 1) around the circle', () => {
    expectRgb(hsvToRgb(1, 1, 1), [1, 0, 0]);
    expectRgb(hsvToRgb(1.5, 1, 1), [0, 1, 1]);
    expectRgb(hsvToRgb(-1 / 3, 1, 1), [0, 0, 1]);
    expectRgb(hsvToRgb(-0.25, 1, 1), hsvToRgb(0.75, 1, 1) as [number, number, number]);
  });

  it('stays close to red just below a full turn', () => {
    const [red, green, blue] = hsvToRgb(1 - 1e-9, 1, 1);
    expect(red).toBeCloseTo(1, 6);
    expect(green).toBeCloseTo(0, 6);
    expect(blue).toBeCloseTo(0, 6);
  });
});
