import {
  findBackend,
  getKernel,
  getKernelsForBackend,
  registerKernel,
  type KernelBackend,
  type KernelConfig,
  type TensorInfo,
} from '@tensorflow/tfjs-core';

import { wasmConv2DBackpropFilter } from './wasmConv2DBackpropFilter.js';

let bridged = false;

function runOnCpu(config: KernelConfig): KernelConfig['kernelFunc'] {
  return ({ inputs, attrs, backend }) => {
    const wasm = backend as KernelBackend;
    const cpu = findBackend('cpu');
    const moved: Record<string, TensorInfo> = {};
    for (const [name, info] of Object.entries(inputs)) {
      if (info === undefined) continue;
      moved[name] = { dataId: cpu.write(wasm.readSync(info.dataId), info.shape, info.dtype), shape: info.shape, dtype: info.dtype };
    }
    try {
      const result = config.kernelFunc({ inputs: moved, attrs: attrs ?? {}, backend: cpu });
      const outputs = (Array.isArray(result) ? result : [result]).map((output) => {
        const values = cpu.readSync(output.dataId);
        cpu.disposeData(output.dataId);
        return { dataId: wasm.write(values, output.shape, output.dtype), shape: output.shape, dtype: output.dtype };
      });
      return Array.isArray(result) ? outputs : outputs[0]!;
    } finally {
      Object.values(moved).forEach((info) => cpu.disposeData(info.dataId));
    }
  };
}

/**
 * Gives the WASM platform the kernels it lacks, which the gradients of TF.js's fused
 * convolutions call: `Conv2DBackpropFilter` written with WASM's own kernels
 * ({@link wasmConv2DBackpropFilter}), and any other kernel the CPU backend has by running it on
 * the CPU backend and copying its inputs and outputs across. Every other kernel
 * stays on WASM, so gradients can be taken on the WASM platform. Done once per process; kernels
 * that WASM has are never replaced.
 *
 * @internal
 */
export function bridgeMissingWasmKernels(): void {
  if (bridged) return;
  bridged = true;
  if (getKernel(wasmConv2DBackpropFilter.kernelName, 'wasm') === undefined) {
    registerKernel(wasmConv2DBackpropFilter);
  }
  for (const config of getKernelsForBackend('cpu')) {
    if (getKernel(config.kernelName, 'wasm') !== undefined) continue;
    registerKernel({ kernelName: config.kernelName, backendName: 'wasm', kernelFunc: runOnCpu(config) });
  }
}
