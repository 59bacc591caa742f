import { join } from 'node:path';
import { bundledDemoModel } from '@polycam/synthetic';
import { describe, expect, it } from 'vitest';
import { explainWithBudget } from './explainWithBudget.js';
import { readImageInput } from './readImageInput.js';

describe('the performance guide', () => {
  it('costs 1 + ΣK evaluations for pcam+ and 1 + 2ΣK for pcam±, run or saved', async () => {
    const { modelPath, imagesFolder, metadata } = bundledDemoModel();
    const [, height, width] = metadata.inputShape;
    const input = await readImageInput(join(imagesFolder, 'test', 'single-00001.png'), { height, width }, metadata);
    const plus = await explainWithBudget(modelPath, input, { method: 'pcam+', threads: 1, batchSize: 64 });
    const both = await explainWithBudget(modelPath, input, { method: 'pcam±', threads: 2, batchSize: 16 });
    expect(plus.passes.run + plus.passes.saved).toBe(1 + plus.channels);
    expect(both.passes.run + both.passes.saved).toBe(1 + 2 * both.channels);
    expect(both.channels).toBe(plus.channels);
    expect(both.durationMs).toBeGreaterThan(0);
  });
});
