import { buildTinyCnn } from '@polycam/backend-onnx/builders';
import { describeModelBackendConformance } from '@polycam/core/testing';
import { bundledDemoModel } from '@polycam/synthetic';
import { OrtWebBackend } from '@polycam/backend-onnx-web';

describeModelBackendConformance('onnxruntime-web on the bundled demo model', () => OrtWebBackend.load({ path: bundledDemoModel().modelPath }));
describeModelBackendConformance('onnxruntime-web on a tiny CNN with a fixed batch of 2', () =>
  OrtWebBackend.load({ bytes: buildTinyCnn({ batch: 2 }), name: 'tiny.onnx' }),
);
