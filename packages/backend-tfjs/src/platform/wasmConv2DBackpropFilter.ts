import { backend_util, getKernel, type KernelConfig, type KernelBackend, type NamedAttrMap, type TensorInfo } from '@tensorflow/tfjs-core';

type Conv2DPad = Parameters<typeof backend_util.computeConv2DInfo>[4];

function wasmKernel(name: string): KernelConfig['kernelFunc'] {
  const config = getKernel(name, 'wasm');
  if (config === undefined) throw new Error(`the WASM backend has no ${name} kernel`);
  return config.kernelFunc;
}

/**
 * `Conv2DBackpropFilter` for the WASM platform, which has none, written with kernels WASM has:
 * the filter gradient `dW[a,b,i,o] = Σ_{n,y,x} X̃[n, y·s + a, x·s + b, i] · dY[n,y,x,o]` (X̃ the
 * padded input) is a convolution of the transposed padded input `[i, H, W, n]` by the transposed
 * output gradient `[y, x, n, o]` used as a kernel, dilated by the forward stride. The result is
 * cropped to the filter size, since padding may leave rows that no output reads.
 *
 * @internal
 */
export const wasmConv2DBackpropFilter: KernelConfig = {
  kernelName: 'Conv2DBackpropFilter',
  backendName: 'wasm',
  kernelFunc: ({ inputs, attrs, backend }) => {
    const wasm = backend as KernelBackend;
    const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
    const { strides, pad, dimRoundingMode, filterShape } = attrs as unknown as {
      strides: number | [number, number];
      pad: Conv2DPad;
      dimRoundingMode?: 'floor' | 'round' | 'ceil';
      filterShape: [number, number, number, number];
    };
    const info = backend_util.computeConv2DInfo(x.shape as [number, number, number, number], filterShape, strides, 1, pad, dimRoundingMode);
    const [kernelHeight, kernelWidth, inChannels, outChannels] = filterShape;
    const { top, bottom, left, right } = info.padInfo;
    const run = (name: string, kernelInputs: Record<string, TensorInfo>, kernelAttrs: NamedAttrMap): TensorInfo =>
      wasmKernel(name)({ inputs: kernelInputs, attrs: kernelAttrs, backend: wasm }) as TensorInfo;
    const temporaries: TensorInfo[] = [];
    const keep = (tensor: TensorInfo): TensorInfo => {
      temporaries.push(tensor);
      return tensor;
    };
    try {
      const padded = keep(run('PadV2', { x }, { paddings: [[0, 0], [top, bottom], [left, right], [0, 0]], constantValue: 0 }));
      const images = keep(run('Transpose', { x: padded }, { perm: [3, 1, 2, 0] }));
      const kernel = keep(run('Transpose', { x: dy }, { perm: [1, 2, 0, 3] }));
      const full = keep(
        run('Conv2D', { x: images, filter: kernel }, { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [info.strideHeight, info.strideWidth] }),
      );
      const cropped = keep(run('Slice', { x: full }, { begin: [0, 0, 0, 0], size: [inChannels, kernelHeight, kernelWidth, outChannels] }));
      return run('Transpose', { x: cropped }, { perm: [1, 2, 0, 3] });
    } finally {
      temporaries.forEach((tensor) => wasm.disposeData(tensor.dataId));
    }
  },
};
