import { OnnxBackend } from '@polycam/backend-onnx';
import { buildTinyCnn } from '@polycam/backend-onnx/builders';
import { describeModelBackendConformance } from '@polycam/core/testing';

/** Loads the tiny CNN, randomises the given layers (all by default) and drops the original. */
async function randomizedTinyCnn(options: Parameters<typeof buildTinyCnn>[0], layers?: readonly string[]): Promise<OnnxBackend> {
  const original = await OnnxBackend.load({ bytes: buildTinyCnn(options) });
  try {
    return (await original.weightRandomizer.randomized(layers ?? original.weightRandomizer.parameterizedLayers, 11)) as OnnxBackend;
  } finally {
    await original.dispose();
  }
}

describeModelBackendConformance('onnx, tiny CNN with every layer randomised', () => randomizedTinyCnn({}));

describeModelBackendConformance('onnx, tiny CNN with a fixed batch of 2 and its last two layers randomised', () =>
  randomizedTinyCnn({ batch: 2, seed: 3 }, ['/features/features.6/Conv', '/classifier/Gemm']),
);
