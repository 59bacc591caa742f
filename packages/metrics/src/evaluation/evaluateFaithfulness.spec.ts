import { describe, expect, it } from 'vitest';
import { rejectionKindOf } from '@polycam/core/testing';
import { averageDropIncrease } from '../faithfulness/averageDropIncrease.js';
import { deletion } from '../faithfulness/deletion.js';
import { insertion } from '../faithfulness/insertion.js';
import { createLinearBackend } from '../faithfulness/linearBackend.testkit.js';
import { road } from '../road/road.js';
import { evaluateFaithfulness } from './evaluateFaithfulness.js';
import { faithfulnessCsvFiles } from './faithfulnessCsvFiles.js';

// A 1×2×2 linear model: z0 = x0 − x1 + 2·x2 − 2·x3 (class 0 against a constant 0).
const weights = [1, -1, 2, -2];
const items = [
  { key: 'a.png', input: { shape: [1, 2, 2], data: Float32Array.from([1, 0.5, 0.25, 0]) }, saliency: { height: 2, width: 2, data: Float32Array.from([4, 3, 2, 1]) } },
  { key: 'b.png', input: { shape: [1, 2, 2], data: Float32Array.from([0, 1, 0.5, 0.75]) }, saliency: { height: 2, width: 2, data: Float32Array.from([1, 2, 3, 4]) } },
];
const options = { steps: 2, baseline: 'zero' as const, batchSize: 3 };

describe('evaluateFaithfulness', () => {
  it('gives, for every image, exactly what insertion, deletion and averageDropIncrease give alone, and their means', async () => {
    const report = await evaluateFaithfulness(createLinearBackend([1, 2, 2], weights), items, options);
    const alone = createLinearBackend([1, 2, 2], weights);
    const expected = await Promise.all(
      items.map(async ({ input, saliency }) => ({
        insertion: await insertion(alone, input, saliency, options),
        deletion: await deletion(alone, input, saliency, options),
        dropIncrease: await averageDropIncrease(alone, input, saliency),
      })),
    );
    expect([...report.insertion.keys()]).toEqual(['a.png', 'b.png']);
    items.forEach(({ key }, index) => {
      expect(report.insertion.get(key)).toEqual(expected[index]!.insertion);
      expect(report.deletion.get(key)).toEqual(expected[index]!.deletion);
      expect(report.dropIncrease.get(key)).toEqual(expected[index]!.dropIncrease);
    });
    const [a, b] = expected as [(typeof expected)[number], (typeof expected)[number]];
    expect(report.means.insertion).toBeCloseTo((a.insertion.auc + b.insertion.auc) / 2, 12);
    expect(report.means.deletion).toBeCloseTo((a.deletion.auc + b.deletion.auc) / 2, 12);
    expect(report.means.insertionMinusDeletion).toBeCloseTo(report.means.insertion! - report.means.deletion!, 12);
    expect(report.means.averageDrop).toBeCloseTo((a.dropIncrease.drop + b.dropIncrease.drop) / 2, 12);
    expect(report.means.increaseInConfidence).toBe(((a.dropIncrease.increase ? 1 : 0) + (b.dropIncrease.increase ? 1 : 0)) / 2);
    expect(report).toMatchObject({ images: 2, steps: 2, baseline: 'zero', metrics: ['insertion', 'deletion', 'drop-increase'] });
  });

  it('adds ROAD when asked: for every image exactly what road gives alone, its means, and the progress of 1 + 2·P images each', async () => {
    const roadOptions = { percentiles: [25, 75], noise: 0.05, seed: 9 };
    const calls: [number, number][] = [];
    const report = await evaluateFaithfulness(createLinearBackend([1, 2, 2], weights), items, {
      ...options,
      metrics: ['road', 'insertion'],
      road: roadOptions,
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(report.metrics).toEqual(['insertion', 'road']);
    const alone = await Promise.all(items.map(({ input, saliency }) => road(createLinearBackend([1, 2, 2], weights), input, saliency, roadOptions)));
    items.forEach(({ key }, index) => expect(report.road.get(key)).toEqual(alone[index]));
    const [a, b] = alone as [(typeof alone)[number], (typeof alone)[number]];
    expect(report.means.roadMostRelevantFirst).toBeCloseTo((a.mostRelevantFirstMean + b.mostRelevantFirstMean) / 2, 12);
    expect(report.means.roadLeastRelevantFirst).toBeCloseTo((a.leastRelevantFirstMean + b.leastRelevantFirstMean) / 2, 12);
    expect(report.means.roadCombined).toBeCloseTo((a.combined + b.combined) / 2, 12);
    expect(calls[0]).toEqual([0, 14]);
    expect(calls.at(-1)).toEqual([14, 14]);
    const csv = faithfulnessCsvFiles(report, 'm-s').find((file) => file.name === 'road_m-s.csv')!;
    expect(csv.text.split('\n')[0]).toBe(',morf,lerf,combined,morf_25,morf_75,lerf_25,lerf_75');
    // Each value as the shortest decimal that reads back as the same float32.
    expect(csv.text.split('\n')[1]!.split(',').slice(1).map((text) => Math.fround(Number(text)))).toEqual(
      [a.mostRelevantFirstMean, a.leastRelevantFirstMean, a.combined, ...a.mostRelevantFirst, ...a.leastRelevantFirst].map(Math.fround),
    );
  });

  it('refuses a ROAD percentile outside [0, 100] before any pass, and leaves ROAD out unless asked', async () => {
    const backend = createLinearBackend([1, 2, 2], weights);
    expect(await rejectionKindOf(evaluateFaithfulness(backend, items, { ...options, metrics: ['insertion', 'road'], road: { percentiles: [50, 101] } }))).toBe('invalid-argument');
    expect(backend.batchSizes).toEqual([]);
    const report = await evaluateFaithfulness(backend, items, options);
    expect(report.road.size).toBe(0);
    expect(report.means.roadCombined).toBeUndefined();
  });

  it('reports progress from 0 to the total: two curves of 2 steps and one confidence pass per image', async () => {
    const calls: [number, number][] = [];
    await evaluateFaithfulness(createLinearBackend([1, 2, 2], weights), items, { ...options, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls[0]).toEqual([0, 10]);
    expect(calls.at(-1)).toEqual([10, 10]);
    expect(calls.every(([done], index) => index === 0 || done >= calls[index - 1]![0])).toBe(true);
  });

  it('computes only the measures asked for, in the documented order', async () => {
    const report = await evaluateFaithfulness(createLinearBackend([1, 2, 2], weights), items, { ...options, metrics: ['deletion'] });
    expect(report.metrics).toEqual(['deletion']);
    expect(report.insertion.size).toBe(0);
    expect(report.dropIncrease.size).toBe(0);
    expect(Object.keys(report.means)).toEqual(['deletion']);
    const both = await evaluateFaithfulness(createLinearBackend([1, 2, 2], weights), items, { ...options, metrics: ['drop-increase', 'insertion'] });
    expect(both.metrics).toEqual(['insertion', 'drop-increase']);
  });

  it('refuses more steps than pixels, and repeated keys, before any pass', async () => {
    const backend = createLinearBackend([1, 2, 2], weights);
    expect(await rejectionKindOf(evaluateFaithfulness(backend, items, { ...options, steps: 5 }))).toBe('invalid-argument');
    expect(await rejectionKindOf(evaluateFaithfulness(backend, [items[0]!, { ...items[1]!, key: 'a.png' }], options))).toBe('invalid-argument');
    expect(backend.batchSizes).toEqual([]);
  });

  it("refuses the second image's map of another aspect before the first image's pass, naming the image", async () => {
    const backend = createLinearBackend([1, 2, 2], weights);
    const stretched = { ...items[1]!, saliency: { height: 1, width: 2, data: Float32Array.from([1, 2]) } };
    const rejection = evaluateFaithfulness(backend, [items[0]!, stretched], options);
    await expect(rejection).rejects.toThrow(/'b\.png'.*1×2.*2×2/);
    expect(await rejectionKindOf(evaluateFaithfulness(backend, [items[0]!, stretched], options))).toBe('invalid-argument');
    expect(backend.batchSizes).toEqual([]);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await rejectionKindOf(evaluateFaithfulness(createLinearBackend([1, 2, 2], weights), items, { ...options, signal: controller.signal }))).toBe('aborted');
  });
});

describe('faithfulnessCsvFiles', () => {
  it("writes the paper's five files, named after the model and the method, in pandas' format", async () => {
    const report = await evaluateFaithfulness(createLinearBackend([1, 2, 2], weights), items, options);
    const files = faithfulnessCsvFiles(report, 'linear-test');
    expect(files.map((file) => file.name)).toEqual([
      'ins_auc_linear-test.csv',
      'ins_details_linear-test.csv',
      'del_auc_linear-test.csv',
      'del_details_linear-test.csv',
      'drop_increase_linear-test.csv',
    ]);
    const [insAuc, insDetails, , , dropIncrease] = files.map((file) => file.text.split('\n'));
    expect(insAuc![0]).toBe(',0');
    expect(insAuc![1]!.startsWith('a.png,')).toBe(true);
    expect(insDetails![0]).toBe(',0,1');
    expect(insDetails![2]!.split(',')).toHaveLength(3);
    const a = report.dropIncrease.get('a.png')!;
    expect(dropIncrease).toEqual([',drop,increase', `a.png,${a.drop},${a.increase ? 1 : 0}`, expect.stringMatching(/^b\.png,/), '']);
  });

  it('writes files only for the measures the report holds', async () => {
    const report = await evaluateFaithfulness(createLinearBackend([1, 2, 2], weights), items, { ...options, metrics: ['drop-increase'] });
    expect(faithfulnessCsvFiles(report, 'm-s').map((file) => file.name)).toEqual(['drop_increase_m-s.csv']);
  });
});
