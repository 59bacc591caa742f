import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildTinyCnn } from '@polycam/backend-onnx/builders';
import { beforeAll, describe, expect, it } from 'vitest';
import { benchMemory } from './benchMemory.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

describe('benchMemory', () => {
  beforeAll(() => {
    if (!existsSync(fileURLToPath(new URL('../../dist/bench/memoryChild.js', import.meta.url)))) {
      execFileSync('npx', ['tsc', '-b'], { cwd: ROOT });
    }
  });

  it("reports a tiny model's tapped layers, activations, passes and peak memory from a child process", async () => {
    const figures = await benchMemory(buildTinyCnn());
    expect(Object.keys(figures).sort()).toEqual(['activationBytes', 'baselineRssBytes', 'channels', 'layers', 'passesRun', 'peakRssBytes']);
    // Automatic discovery taps the three ReLUs: 8×32×32, 16×16×16 and 16×8×8 float32 values.
    expect(figures.layers).toBe(3);
    expect(figures.channels).toBe(8 + 16 + 16);
    expect(figures.activationBytes).toBe((8 * 32 * 32 + 16 * 16 * 16 + 16 * 8 * 8) * 4);
    // The unmasked pass and at most two masked passes (PCAM+ and PCAM−) per channel.
    expect(figures.passesRun).toBeGreaterThan(1);
    expect(figures.passesRun).toBeLessThanOrEqual(1 + 2 * 40);
    for (const value of Object.values(figures)) {
      expect(Number.isInteger(value) && value > 0).toBe(true);
    }
    expect(figures.peakRssBytes).toBeGreaterThanOrEqual(figures.baselineRssBytes);
  });
});
