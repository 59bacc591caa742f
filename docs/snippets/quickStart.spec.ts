import { join } from 'node:path';
import { createPolycamContainer, loadModel } from '@polycam/core';
import { onnxBackendModule } from '@polycam/backend-onnx';
import { polycamModule } from '@polycam/method-polycam';
import { bundledDemoModel } from '@polycam/synthetic';
import { describe, expect, it } from 'vitest';
import { explainWithProgress } from './explainWithProgress.js';
import { quickStart } from './quickStart.js';
import { readImageInput } from './readImageInput.js';

describe('the quick start snippets', () => {
  const { modelPath, imagesFolder, metadata } = bundledDemoModel();
  const [, height, width] = metadata.inputShape;
  const image = join(imagesFolder, 'test', 'single-00000.png');

  it('explain an image file with an ONNX model in three lines', async () => {
    const input = await readImageInput(image, { height, width }, metadata);
    expect(input.shape).toEqual([3, height, width]);
    const result = await quickStart(modelPath, input);
    expect(result.method.preset).toBe('pcam±');
    expect([result.map.height, result.map.width]).toEqual([height, width]);
    expect(result.stages[0]?.map).toEqual(result.map);
    expect(Math.max(...result.map.data)).toBeLessThanOrEqual(1);
  });

  it('stream progress events with explain$()', async () => {
    const container = await createPolycamContainer(polycamModule, onnxBackendModule);
    const backend = await loadModel(container, { path: modelPath });
    try {
      const lines: string[] = [];
      const input = await readImageInput(image, { height, width }, metadata);
      const result = await explainWithProgress(container, backend, input, (line) => lines.push(line));
      expect(result.method.preset).toBe('pcam+');
      expect(lines.filter((line) => line.startsWith('fused '))).toHaveLength(result.layers.length);
      expect(lines.some((line) => line.endsWith(' evaluations'))).toBe(true);
    } finally {
      await backend.dispose();
    }
  });
});
