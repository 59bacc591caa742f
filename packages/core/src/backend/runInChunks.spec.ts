import { describe, expect, it } from 'vitest';
import { PolycamError } from '../errors/PolycamError.js';
import { rejectionKindOf } from '../testing/rejectionKindOf.js';
import type { Tensor } from '../tensor/Tensor.js';
import { runInChunks } from './runInChunks.js';

// Items of 2 values: item i is [10·i, 10·i + 1]. The fake runtime answers each chunk with
// `out` = the sum of each of its items' values ([chunk, 1]) and `twice` = each value doubled
// ([chunk, 2]), padding rows included, and records what it was fed.
const items = (count: number): Float32Array => Float32Array.from({ length: 2 * count }, (_, index) => 10 * (index >> 1) + (index % 2));

function fakeRuntime(chunk: number, fed: { start: number; used: number; values: number[] }[]) {
  return (start: number, used: number, padded: Float32Array | undefined): Map<string, Tensor> => {
    fed.push({ start, used, values: [...padded!] });
    const sums = Float32Array.from({ length: chunk }, (_, row) => padded![2 * row]! + padded![2 * row + 1]!);
    return new Map([
      ['out', { shape: [chunk, 1], data: sums }],
      ['twice', { shape: [chunk, 2], data: padded!.map((value) => 2 * value) }],
    ]);
  };
}

describe('runInChunks', () => {
  it('runs 7 items on a fixed batch of 3 as chunks (0,3), (3,3), (6,1), pads the last with zeros and stitches the rows in order', async () => {
    const fed: { start: number; used: number; values: number[] }[] = [];
    const joined = await runInChunks({ count: 7, chunk: 3, runtime: 'fake', items: { data: items(7), itemSize: 2 }, runChunk: fakeRuntime(3, fed) });
    expect(fed).toEqual([
      { start: 0, used: 3, values: [0, 1, 10, 11, 20, 21] },
      { start: 3, used: 3, values: [30, 31, 40, 41, 50, 51] },
      { start: 6, used: 1, values: [60, 61, 0, 0, 0, 0] },
    ]);
    expect(joined.get('out')).toEqual({ shape: [7, 1], data: Float32Array.from([1, 21, 41, 61, 81, 101, 121]) });
    expect(joined.get('twice')).toEqual({ shape: [7, 2], data: Float32Array.from([0, 2, 20, 22, 40, 42, 60, 62, 80, 82, 100, 102, 120, 122]) });
  });

  it('runs a chunk of 1 item by item', async () => {
    const fed: { start: number; used: number; values: number[] }[] = [];
    const joined = await runInChunks({ count: 3, chunk: 1, runtime: 'fake', items: { data: items(3), itemSize: 2 }, runChunk: fakeRuntime(1, fed) });
    expect(fed.map(({ start, used, values }) => [start, used, values])).toEqual([
      [0, 1, [0, 1]],
      [1, 1, [10, 11]],
      [2, 1, [20, 21]],
    ]);
    expect(joined.get('out')!.data).toEqual(Float32Array.from([1, 21, 41]));
  });

  it('runs the whole batch at once when the chunk is the batch: the items as a view, the outputs without a copy', async () => {
    const data = items(4);
    let received: Float32Array | undefined;
    const output = Float32Array.from([5, 6, 7, 8]);
    const joined = await runInChunks({
      count: 4,
      chunk: 4,
      runtime: 'fake',
      items: { data, itemSize: 2 },
      runChunk: (_start, _used, padded) => {
        received = padded;
        return [['out', { shape: [4, 1], data: output }]];
      },
    });
    expect(received!.buffer).toBe(data.buffer);
    expect(joined.get('out')!.data).toBe(output);
    expect(joined.get('out')!.shape).toEqual([4, 1]);
  });

  it('pads a single chunk shorter than the fixed batch, and drops the padding rows of its outputs', async () => {
    const fed: { start: number; used: number; values: number[] }[] = [];
    const joined = await runInChunks({ count: 2, chunk: 3, runtime: 'fake', items: { data: items(2), itemSize: 2 }, runChunk: fakeRuntime(3, fed) });
    expect(fed).toEqual([{ start: 0, used: 2, values: [0, 1, 10, 11, 0, 0] }]);
    expect(joined.get('out')).toEqual({ shape: [2, 1], data: Float32Array.from([1, 21]) });
  });

  it('passes no items when the plan has none', async () => {
    const calls: [number, number, Float32Array | undefined][] = [];
    const joined = await runInChunks({
      count: 3,
      chunk: 2,
      runtime: 'fake',
      runChunk: async (start, used, padded) => {
        calls.push([start, used, padded]);
        return [['out', { shape: [2], data: Float32Array.from([start, start + 1]) }]];
      },
    });
    expect(calls).toEqual([[0, 2, undefined], [2, 1, undefined]]);
    expect(joined.get('out')).toEqual({ shape: [3], data: Float32Array.from([0, 1, 2]) });
  });

  it('stops between chunks when the signal fires', async () => {
    const controller = new AbortController();
    const starts: number[] = [];
    const promise = runInChunks({
      count: 4,
      chunk: 1,
      signal: controller.signal,
      runtime: 'fake',
      runChunk: async (start) => {
        starts.push(start);
        if (start === 1) controller.abort();
        return [['out', { shape: [1, 1], data: Float32Array.of(start) }]];
      },
    });
    expect(await rejectionKindOf(promise)).toBe('aborted');
    expect(starts).toEqual([0, 1]);
  });

  it('reports a runtime failure as backend-failure with its first line, and passes polycam errors through', async () => {
    const failing = runInChunks({
      count: 1,
      chunk: 1,
      runtime: 'fakeruntime',
      runChunk: () => {
        throw new Error('kernel exploded\nstack and more');
      },
    });
    await expect(failing).rejects.toThrow(new PolycamError('backend-failure', 'fakeruntime failed: kernel exploded'));
    expect(await rejectionKindOf(failing)).toBe('backend-failure');
    const refusing = runInChunks({
      count: 1,
      chunk: 1,
      runtime: 'fake',
      runChunk: async () => {
        throw new PolycamError('invalid-model', 'no');
      },
    });
    expect(await rejectionKindOf(refusing)).toBe('invalid-model');
  });

  it('refuses an empty batch or a chunk that is not a positive integer', async () => {
    const runChunk = (): [] => [];
    expect(await rejectionKindOf(runInChunks({ count: 0, chunk: 1, runtime: 'fake', runChunk }))).toBe('invalid-argument');
    expect(await rejectionKindOf(runInChunks({ count: 2, chunk: 0, runtime: 'fake', runChunk }))).toBe('invalid-argument');
    expect(await rejectionKindOf(runInChunks({ count: 2, chunk: 1.5, runtime: 'fake', runChunk }))).toBe('invalid-argument');
  });
});
