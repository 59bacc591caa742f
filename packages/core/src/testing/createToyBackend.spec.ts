import { createToyBackend, describeModelBackendConformance } from '@polycam/core/testing';
import { describe, expect, it } from 'vitest';

describeModelBackendConformance('toy backend, dynamic batch', async () => createToyBackend());
describeModelBackendConformance('toy backend, fixed batch of 2', async () => createToyBackend({ fixedBatchSize: 2 }));

describe('createToyBackend', () => {
  it('splits a batch into runs of its fixed batch size', async () => {
    const sizes: number[] = [];
    const backend = createToyBackend({ fixedBatchSize: 2, onRun: (size) => sizes.push(size) });
    expect(backend.description.input.fixedBatchSize).toBe(2);
    const result = await backend.run({ input: { shape: [5, 3, 16, 16], data: new Float32Array(5 * 768).fill(0.5) } });
    expect(sizes).toEqual([2, 2, 1]);
    expect(result.output.shape).toEqual([5, 5]);
  });

  it('declares a dynamic batch by default', () => {
    expect(createToyBackend().description.input.fixedBatchSize).toBeUndefined();
  });
});
describeModelBackendConformance('toy backend with exact gradients', async () => createToyBackend({ gradients: true }));
