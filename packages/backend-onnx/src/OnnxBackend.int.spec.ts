import { fileURLToPath } from 'node:url';
import { OnnxBackend } from '@polycam/backend-onnx';
import { buildTinyCnn } from '@polycam/backend-onnx/builders';
import { describeModelBackendConformance } from '@polycam/core/testing';

// The shared backend suite, on every kind of model the ONNX backend must handle. The suite runs
// batches of 1, 2 and 3 images, so a model with a fixed batch of 1 or 2 is split into chunks and,
// for odd batches on the batch-2 model, padded.

const fixture = fileURLToPath(new URL('../../../fixtures/reference-smallvgg/model.onnx', import.meta.url));

describeModelBackendConformance('onnx, tiny CNN with a dynamic batch', () => OnnxBackend.load({ bytes: buildTinyCnn() }));

describeModelBackendConformance('onnx, tiny CNN with a fixed batch of 1', () => OnnxBackend.load({ bytes: buildTinyCnn({ batch: 1, seed: 1 }) }));

describeModelBackendConformance('onnx, tiny CNN with a fixed batch of 2 (odd batches are padded)', () =>
  OnnxBackend.load({ bytes: buildTinyCnn({ batch: 2, size: 24, seed: 2 }) }),
);

describeModelBackendConformance('onnx, tiny CNN with a channels-last (NHWC) input', () =>
  OnnxBackend.load({ bytes: buildTinyCnn({ inputLayout: 'NHWC', seed: 3 }) }),
);

describeModelBackendConformance('onnx, the reference PyTorch export (opset 13, dynamic batch)', () => OnnxBackend.load({ path: fixture }));
