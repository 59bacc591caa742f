import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '@polycam/core';
import { buildTinySegmenter } from '@polycam/backend-onnx/builders';
import { describe, expect, it } from 'vitest';
import { explainSegmentationRegion } from './explainSegmentationRegion.js';

describe('the targets guide', () => {
  it('explains the pixels predicted as a class, and a mask, of a [N, 3, 32, 32] segmenter', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'polycam-targets-guide-'));
    try {
      const modelPath = join(folder, 'segmenter.onnx');
      await writeFile(modelPath, buildTinySegmenter({ seed: 3 }));
      const random = seededRandom(21);
      const input = { shape: [3, 32, 32], data: Float32Array.from({ length: 3 * 32 * 32 }, () => random() * 4 - 2) };
      const predicted = await explainSegmentationRegion(modelPath, input, 1);
      expect(predicted.classIndex).toBe(1);
      expect(predicted.target).toMatch(/^segmentation softmax\[1\] over \d+ pixels$/);
      expect([predicted.map.height, predicted.map.width]).toEqual([32, 32]);
      // A 2×2 mask whose top-left cell is set: the 16×16 top-left quarter, 256 pixels.
      const quarter = await explainSegmentationRegion(modelPath, input, 1, { height: 2, width: 2, data: Float32Array.of(1, 0, 0, 0) });
      expect(quarter.target).toBe('segmentation softmax[1] over 256 pixels');
      expect(quarter.score).toBeGreaterThan(0);
      expect(quarter.score).toBeLessThanOrEqual(256);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 120_000);
});
