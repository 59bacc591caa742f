import { describe, expect, it } from 'vitest';
import { configId } from './configId.js';
import type { JobConfig } from './JobConfig.js';

const base: JobConfig = { method: 'pcam±', options: { layers: 'auto', batchSize: '32', plugin: ['a', 'b'] }, model: '/models/m.onnx', modelHash: 'ab'.repeat(32) };

describe('configId', () => {
  it('names the method as explain --out does, then 12 hex digits', () => {
    expect(configId(base)).toMatch(/^pcampm-[0-9a-f]{12}$/);
    expect(configId({ ...base, method: 'grad-cam++' })).toMatch(/^grad-campp-[0-9a-f]{12}$/);
  });

  it('is the same for the same configuration, whatever the order its options were set in', () => {
    const reordered: JobConfig = { ...base, options: { plugin: ['a', 'b'], batchSize: '32', layers: 'auto' } };
    expect(configId(reordered)).toBe(configId(base));
  });

  it('changes with any option, an option added, the method or the model content, not with the model path', () => {
    const ids = new Set([
      configId(base),
      configId({ ...base, options: { ...base.options, layers: 'last' } }),
      configId({ ...base, options: { ...base.options, maxPasses: '100' } }),
      configId({ ...base, options: { ...base.options, plugin: ['b', 'a'] } }),
      configId({ ...base, method: 'pcam+' }),
      configId({ ...base, modelHash: 'cd'.repeat(32) }),
    ]);
    expect(ids.size).toBe(6);
    expect(configId({ ...base, model: '/elsewhere/copy.onnx' })).toBe(configId(base));
  });
});
