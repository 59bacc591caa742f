import { describe, expect, it } from 'vitest';
import { OnnxGraphBuilder } from '../builders/OnnxGraphBuilder.js';
import { readInitializers } from './readInitializers.js';

describe('readInitializers', () => {
  it("returns every weight the builder wrote, with the builder's own dims and values", () => {
    const graph = new OnnxGraphBuilder({ inputShape: ['batch', 2, 6, 6], seed: 3 });
    const conv = graph.conv(graph.imageTensor, 4, { kernel: 3, pad: 1, scope: '/conv' });
    const pooled = graph.flatten(graph.globalAveragePool(graph.relu(conv, '/relu'), '/pool'), '/flatten');
    const bytes = graph.build(graph.gemm(pooled, 3, '/fc'));
    const initializers = readInitializers(bytes);
    const written = graph.weights();
    expect([...initializers.keys()].sort()).toEqual([...written.keys()].sort());
    for (const [name, weight] of written) {
      expect(initializers.get(name)!.dims).toEqual(weight.dims);
      expect(initializers.get(name)!.values).toEqual(weight.data);
    }
  });

  it('refuses bytes that hold no graph', () => {
    expect(() => readInitializers(new Uint8Array())).toThrow(/no graph/);
  });
});
