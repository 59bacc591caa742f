import { readFileSync } from 'node:fs';
import { buildTinyCnn } from '@polycam/backend-onnx/builders';
import { readInitializers, summarizeOnnxModel, withGraphOutputs, withMaskedInput } from '@polycam/backend-onnx/onnx';
import { decodeModelArtifacts } from '@polycam/backend-tfjs';
import type { PolycamErrorKind } from '@polycam/core';
import { decodeNpy, decodeNpz, encodeNpy, encodeNpz } from '@polycam/core/io';
import { workspaceRoot } from '../workspaceRoot.js';

/** One parser under fuzzing: a real input to mutate, and the error kinds it may throw. */
export interface FuzzTarget {
  readonly name: string;
  readonly seedInput: Uint8Array;
  readonly kinds: readonly PolycamErrorKind[];
  readonly parse: (bytes: Uint8Array) => unknown;
}

/**
 * The parsers that take users' files, each with a real input built or bundled here.
 *
 * @returns The targets, ONNX first, then npy/npz, then TF.js.
 */
export function fuzzTargets(): FuzzTarget[] {
  const model = new Uint8Array(buildTinyCnn({ size: 8, classes: 2 }));
  const tensor = { shape: [2, 3], data: Float32Array.from([1, 2, 3, 4, 5, 6]) };
  const tfjs = `${workspaceRoot()}/packages/synthetic/model/tfjs`;
  const weights = new Uint8Array(readFileSync(`${tfjs}/weights.bin`));
  const readShard = async (shard: string): Promise<Uint8Array> => (shard === 'weights.bin' ? weights : new Uint8Array(0));
  const onnx = ['invalid-model'] as const;
  return [
    { name: 'summarizeOnnxModel', seedInput: model, kinds: onnx, parse: summarizeOnnxModel },
    { name: 'readInitializers', seedInput: model, kinds: onnx, parse: readInitializers },
    { name: 'withGraphOutputs', seedInput: model, kinds: onnx, parse: (bytes) => withGraphOutputs(bytes, ['extra'], []) },
    { name: 'withMaskedInput', seedInput: model, kinds: onnx, parse: (bytes) => withMaskedInput(bytes, { name: 'input', layout: 'NCHW', shape: [3, 8, 8], opset: 13 }) },
    { name: 'decodeNpy', seedInput: encodeNpy(tensor), kinds: ['invalid-npz'], parse: (bytes) => decodeNpy(bytes) },
    { name: 'decodeNpz', seedInput: encodeNpz(new Map([['map', tensor]])), kinds: ['invalid-npz'], parse: decodeNpz },
    {
      name: 'decodeModelArtifacts',
      seedInput: new Uint8Array(readFileSync(`${tfjs}/model.json`)),
      kinds: ['invalid-model'],
      parse: (bytes) => decodeModelArtifacts(new TextDecoder().decode(bytes), 'model.json', readShard),
    },
  ];
}
