import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeNpy } from '@polycam/core/io';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJobs } from '../job/createJobs.js';
import type { DatasetJobData } from '../job/DatasetJobData.js';
import { jobFiles } from './jobFiles.js';
import { readCompleteRecord } from './readCompleteRecord.js';
import { writeFileAtomic } from './writeFileAtomic.js';
import { writeJobResult } from './writeJobResult.js';

let dir: string;
const config = { method: 'pcam+', options: {}, model: '/m.onnx', modelHash: '00' };
const jobFor = (overlay: boolean, metrics?: DatasetJobData['outputs']['metrics']): DatasetJobData =>
  createJobs([{ relativePath: 'a/cat.png', path: '/in/a/cat.png' }], config, dir, { overlay, ...(metrics ? { metrics } : {}) })[0]!;
const map = { height: 2, width: 3, data: Float32Array.from([0, 0.25, 0.5, 0.75, 1, 1 / 3]) };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'polycam-result-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeJobResult and readCompleteRecord', () => {
  it('writes a float32 [H, W] .npy that decodes to the map, and a record naming its size and hash', async () => {
    const data = jobFor(false);
    const record = await writeJobResult(data, map, { image: '/in/a/cat.png', score: 0.5 });
    const files = jobFiles(dir, data.job);
    const npy = decodeNpy(await readFile(files.map));
    expect(npy.shape).toEqual([2, 3]);
    expect(Array.from(npy.data)).toEqual(Array.from(map.data));
    expect(record.map.bytes).toBe((await readFile(files.map)).length);
    expect(JSON.parse(await readFile(files.record, 'utf8'))).toMatchObject({ key: data.job.key, score: 0.5, relativePath: 'a/cat.png' });
    expect(await readCompleteRecord(data)).toEqual(record);
    // Nothing else is left in the folder: no temporary file.
    expect((await readdir(join(dir, data.job.configId, 'a'))).sort()).toEqual(['cat.png.json', 'cat.png.npy']);
  });

  it('counts a job incomplete without its record, with a truncated or altered map, or a record of another key', async () => {
    const data = jobFor(false);
    expect(await readCompleteRecord(data)).toBeUndefined();
    await writeJobResult(data, map, {});
    const files = jobFiles(dir, data.job);
    await truncate(files.map, 100);
    expect(await readCompleteRecord(data)).toBeUndefined();
    await writeJobResult(data, map, {});
    const bytes = await readFile(files.map);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    await writeFile(files.map, bytes);
    expect(await readCompleteRecord(data)).toBeUndefined();
    await writeJobResult(data, map, {});
    const other = JSON.parse(await readFile(files.record, 'utf8')) as Record<string, unknown>;
    await writeFile(files.record, JSON.stringify({ ...other, key: 'b.png#x' }));
    expect(await readCompleteRecord(data)).toBeUndefined();
  });

  it('asks for the overlay and the metrics when the job wants them', async () => {
    await writeJobResult(jobFor(false), map, {});
    expect(await readCompleteRecord(jobFor(true))).toBeUndefined();
    await writeJobResult(jobFor(true), map, {}, { overlay: Uint8Array.from([1, 2, 3]) });
    expect(await readCompleteRecord(jobFor(true))).toBeDefined();
    const wanted = { metrics: ['insertion'] as const, steps: 10, baseline: 'blur' as const, batchSize: 8 };
    expect(await readCompleteRecord(jobFor(false, wanted))).toBeUndefined();
    const faithfulness = { metrics: ['insertion' as const], steps: 10, baseline: 'blur' as const, insertion: { classIndex: 0, auc: 0.5, scores: [1] } };
    await writeJobResult(jobFor(false, wanted), map, {}, { faithfulness });
    expect(await readCompleteRecord(jobFor(false, wanted))).toBeDefined();
    expect(await readCompleteRecord(jobFor(false, { ...wanted, steps: 20 }))).toBeUndefined();
  });

  it('leaves neither the target nor a temporary file when a write fails', async () => {
    const target = join(dir, 'folder-in-the-way');
    await writeFile(join(dir, 'keep'), 'x');
    await writeFileAtomic(join(target, 'inner'), 'x');
    await expect(writeFileAtomic(target, 'y')).rejects.toThrow(/cannot write/);
    expect((await readdir(dir)).sort()).toEqual(['folder-in-the-way', 'keep']);
  });
});
