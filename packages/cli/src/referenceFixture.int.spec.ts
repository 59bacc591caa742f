import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Tensor } from '@polycam/core';
import { decodeNpz } from '@polycam/core/io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTree, makeTempDir, runCli, type TempDir } from './cli.testkit.js';

// The reference fixture end to end through the command line: a small VGG-like model, a 128×128
// image, class 3 and six layers, against maps computed by the authors' formulas in float32.

const FIXTURE = fileURLToPath(new URL('../../../fixtures/reference-smallvgg/', import.meta.url));
const fixture = JSON.parse(readFileSync(`${FIXTURE}fixture.json`, 'utf8')) as {
  model: string;
  image: string;
  input_size: number;
  class_index: number;
  layers: string[];
};

function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < n; i += 1) {
    meanA += a[i]! / n;
    meanB += b[i]! / n;
  }
  let covariance = 0;
  let varianceA = 0;
  let varianceB = 0;
  for (let i = 0; i < n; i += 1) {
    covariance += (a[i]! - meanA) * (b[i]! - meanB);
    varianceA += (a[i]! - meanA) ** 2;
    varianceB += (b[i]! - meanB) ** 2;
  }
  return covariance / Math.sqrt(varianceA * varianceB);
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i += 1) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

describe('polycam explain on the reference fixture', () => {
  let dir: TempDir;
  let expected: Map<string, Tensor>;
  // The arguments use the fixture's path relative to the working directory, as a user would.
  const image = relative(process.cwd(), `${FIXTURE}${fixture.image}`);
  const model = relative(process.cwd(), `${FIXTURE}${fixture.model}`);

  beforeAll(async () => {
    dir = await makeTempDir();
    expected = decodeNpz(new Uint8Array(await readFile(`${FIXTURE}expected.npz`)));
  });

  afterAll(async () => {
    await dir?.remove();
  });

  it.each(['pcamp', 'pcamm', 'pcampm'])('reproduces %s|final', async (method) => {
    const npz = dir.at(`${method}.npz`);
    const run = await runCli([
      'explain', image,
      '--model', model,
      '--class', String(fixture.class_index),
      '--layers', fixture.layers.join(','),
      '--method', method,
      '--npz', npz,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const row = run.stdout.trimEnd().split('\n')[1]!.split(/\s{2,}/);
    expect(row.slice(0, 2)).toEqual([image, '3']);
    expect(row[3]).toBe('6');

    const maps = decodeNpz(new Uint8Array(await readFile(npz)));
    expect([...maps.keys()]).toEqual(['image.png']);
    const actual = maps.get('image.png')!;
    const reference = expected.get(`${method}|final`)!;
    expect(reference.shape).toEqual([fixture.input_size, fixture.input_size]);
    expect(actual.shape).toEqual(reference.shape);
    expect(correlation(actual.data, reference.data)).toBeGreaterThan(0.9999);
    expect(maxAbsDiff(actual.data, reference.data)).toBeLessThan(1e-3);
    // The float32 pipeline is measured at about 1e-6 from the reference.
    expect(maxAbsDiff(actual.data, reference.data)).toBeLessThan(1e-4);
  });

  it('writes nothing but the requested npz files', async () => {
    expect(await listTree(dir.path)).toEqual(['pcamm.npz', 'pcamp.npz', 'pcampm.npz']);
  });
});
