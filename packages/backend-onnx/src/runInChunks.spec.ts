import { PolycamError } from '@polycam/core';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { runInChunks } from './runInChunks.js';
import { rejectionKindOf } from '@polycam/core/testing';

/** A fake chunk: `out` holds `chunk` rows of [image, 10·image] (padding rows too); `other` adds ½. */
function fakeChunk(chunk: number, calls: [number, number][]) {
  return async (start: number, used: number): Promise<ort.InferenceSession.ReturnType> => {
    calls.push([start, used]);
    const data = Float32Array.from({ length: chunk * 2 }, (_, index) => {
      const image = start + (index >> 1);
      return index % 2 === 0 ? image : 10 * image;
    });
    return { out: new ort.Tensor('float32', data, [chunk, 2]), other: new ort.Tensor('float32', data.map((value) => value + 0.5), [chunk, 1, 2]) };
  };
}

describe('runInChunks', () => {
  it('runs fixed-size chunks, drops the padding of the last and joins the rows in order', async () => {
    const calls: [number, number][] = [];
    const joined = await runInChunks({ count: 5, chunk: 2, fetches: ['out', 'other'], signal: undefined, runChunk: fakeChunk(2, calls) });
    expect(calls).toEqual([[0, 2], [2, 2], [4, 1]]);
    expect(joined.get('out')).toEqual({ shape: [5, 2], data: Float32Array.from([0, 0, 1, 10, 2, 20, 3, 30, 4, 40]) });
    expect(joined.get('other')!.shape).toEqual([5, 1, 2]);
    expect(joined.get('other')!.data).toEqual(Float32Array.from([0.5, 0.5, 1.5, 10.5, 2.5, 20.5, 3.5, 30.5, 4.5, 40.5]));
  });

  it('runs a whole batch at once when the chunk is the batch', async () => {
    const calls: [number, number][] = [];
    const joined = await runInChunks({ count: 3, chunk: 3, fetches: ['out'], signal: undefined, runChunk: fakeChunk(3, calls) });
    expect(calls).toEqual([[0, 3]]);
    expect(joined.get('out')!.data).toEqual(Float32Array.from([0, 0, 1, 10, 2, 20]));
  });

  it('stops between chunks when the signal fires', async () => {
    const controller = new AbortController();
    const calls: [number, number][] = [];
    const run = fakeChunk(1, calls);
    const promise = runInChunks({
      count: 4,
      chunk: 1,
      fetches: ['out'],
      signal: controller.signal,
      runChunk: async (start, used) => {
        if (start === 1) controller.abort();
        return run(start, used);
      },
    });
    expect(await rejectionKindOf(promise)).toBe('aborted');
    expect(calls).toEqual([[0, 1], [1, 1]]);
  });

  it('reports a runtime failure as backend-failure, and passes polycam errors through', async () => {
    const failing = async (): Promise<never> => {
      throw new Error('kernel exploded\nstack and more');
    };
    expect(await rejectionKindOf(runInChunks({ count: 1, chunk: 1, fetches: ['out'], signal: undefined, runChunk: failing }))).toBe('backend-failure');
    const refusing = async (): Promise<never> => {
      throw new PolycamError('invalid-argument', 'no');
    };
    expect(await rejectionKindOf(runInChunks({ count: 1, chunk: 1, fetches: ['out'], signal: undefined, runChunk: refusing }))).toBe('invalid-argument');
  });
});
