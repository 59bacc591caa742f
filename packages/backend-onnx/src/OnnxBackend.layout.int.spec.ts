import { OnnxBackend } from '@polycam/backend-onnx';
import { buildTinyCnn, OnnxGraphBuilder } from '@polycam/backend-onnx/builders';
import { createPolycamContainer, seededRandom, TOKENS, type InputLayout, type Tensor } from '@polycam/core';
import { polycamModule } from '@polycam/method-polycam';
import { describe, expect, it } from 'vitest';
import { randomImages } from './onnxSpec.testkit.js';

function maxAbsoluteDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let index = 0; index < a.length; index += 1) worst = Math.max(worst, Math.abs(a[index]! - b[index]!));
  return worst;
}

/** A classifier over 3×3 images of 3 channels: its declared input [N,3,3,3] is ambiguous. */
function buildAmbiguousModel(inputLayout: InputLayout): Uint8Array {
  const graph = new OnnxGraphBuilder({ inputShape: ['batch', 3, 3, 3], seed: 70, inputLayout });
  const features = graph.relu(graph.conv(graph.imageTensor, 6, { kernel: 3, pad: 1, scope: '/conv' }), '/relu');
  return graph.build(graph.gemm(graph.flatten(features, ''), 4, '/fc'));
}

describe('OnnxBackend layouts', () => {
  it('detects the layout of built NCHW and NHWC models, and describes both as [C,H,W]', async () => {
    for (const layout of ['NCHW', 'NHWC'] as const) {
      const backend = await OnnxBackend.load({ bytes: buildTinyCnn({ inputLayout: layout, batch: 2 }) });
      try {
        expect(backend.description.input).toEqual({ name: 'input', shape: [3, 32, 32], layout, fixedBatchSize: 2 });
        // Taps are channels first in both: the NHWC model transposes first.
        expect(backend.description.layers.find((layer) => layer.name === '/features/features.1/Relu_output_0')!.shape).toEqual([8, 32, 32]);
      } finally {
        await backend.dispose();
      }
    }
  });

  it('lets the layout option override detection', async () => {
    const images = randomImages(3, [3, 3, 3], 71);
    const reference = await OnnxBackend.load({ bytes: buildAmbiguousModel('NCHW') });
    const detected = await OnnxBackend.load({ bytes: buildAmbiguousModel('NHWC') });
    const forced = await OnnxBackend.load({ bytes: buildAmbiguousModel('NHWC') }, { layout: 'NHWC' });
    try {
      expect(detected.description.input.layout).toBe('NCHW'); // [N,3,3,3] cannot tell
      expect(forced.description.input.layout).toBe('NHWC');
      const expected = (await reference.run({ input: images })).output.data;
      // Forced to NHWC, the backend transposes the NCHW batch and matches the NCHW twin.
      expect(maxAbsoluteDifference((await forced.run({ input: images })).output.data, expected)).toBeLessThan(1e-5);
      // Left to detection, it feeds the batch untransposed, which is another input.
      expect(maxAbsoluteDifference((await detected.run({ input: images })).output.data, expected)).toBeGreaterThan(1e-3);
    } finally {
      await Promise.all([reference.dispose(), detected.dispose(), forced.dispose()]);
    }
    // An unambiguous NCHW model forced to NHWC would read its [N,3,32,32] axes as 32-channel
    // images: refused, naming the channel count and the detected layout.
    await expect(OnnxBackend.load({ bytes: buildTinyCnn() }, { layout: 'NHWC' })).rejects.toMatchObject({
      kind: 'invalid-argument',
      message: expect.stringMatching(/layout NHWC .*32 channels.*detected: NCHW/),
    });
  });

  it('explains an NHWC model end to end with the same maps as the NCHW model of the same weights', async () => {
    const container = await createPolycamContainer(polycamModule);
    const explainer = container.get(TOKENS.Explainer);
    const input = randomImages(1, [3, 32, 32], 72);
    const [nchw, nhwc] = await Promise.all([
      OnnxBackend.load({ bytes: buildTinyCnn({ seed: 73 }) }),
      OnnxBackend.load({ bytes: buildTinyCnn({ seed: 73, inputLayout: 'NHWC' }) }),
    ]);
    try {
      for (const method of ['pcam+', 'pcam±']) {
        const expected = await explainer.explain({ backend: nchw, input, method });
        const actual = await explainer.explain({ backend: nhwc, input, method });
        expect(actual.classIndex).toBe(expected.classIndex);
        expect(actual.layers).toEqual(expected.layers);
        expect(actual.layers).toHaveLength(3);
        expect(actual.map.height).toBe(32);
        expect(maxAbsoluteDifference(actual.map.data, expected.map.data), method).toBeLessThan(1e-4);
        expect(actual.stages).toHaveLength(expected.stages.length);
        actual.stages.forEach((stage, index) => expect(maxAbsoluteDifference(stage.map.data, expected.stages[index]!.map.data)).toBeLessThan(1e-4));
        // The map is not flat: the comparison means something.
        expect(Math.max(...expected.map.data) - Math.min(...expected.map.data)).toBeGreaterThan(0.5);
      }
    } finally {
      await Promise.all([nchw.dispose(), nhwc.dispose()]);
    }
  });
});
