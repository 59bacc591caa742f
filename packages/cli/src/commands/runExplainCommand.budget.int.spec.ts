import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Tensor } from '@polycam/core';
import { decodeNpz } from '@polycam/core/io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTree, makeTempDir, runCli, writePng, writeTinyModel, type TempDir } from '../cli.testkit.js';

// `polycam explain --max-passes`: a cap on each map's masked passes, N or P% of the exact count;
// the summary's approximation column and the JSON's approximation record; exact maps from the
// exact count up; a bad value refused in one line, with no output left.

describe('polycam explain --max-passes', () => {
  let dir: TempDir;
  let model: string;
  let image: string;
  let run = 0;

  beforeAll(async () => {
    dir = await makeTempDir('polycam-explain-budget-');
    model = await writeTinyModel(dir.at('tiny.onnx'));
    image = await writePng(dir.at('scene.png'), 32, 32);
  });
  afterAll(() => dir?.remove());

  /** Explains the image with `extra`; returns the map, the JSON record and the printed table. */
  async function explain(extra: readonly string[]): Promise<{ map: Tensor; record: Record<string, unknown>; stdout: string }> {
    run += 1;
    const npz = dir.at(`map-${run}.npz`);
    const out = dir.at(`out-${run}`);
    const result = await runCli(['explain', image, '--model', model, ...extra, '--npz', npz, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = (await readdir(out)).find((name) => name.endsWith('.json'))!;
    return {
      map: (await decodeNpz(new Uint8Array(await readFile(npz)))).get('scene.png')!,
      record: JSON.parse(await readFile(join(out, json), 'utf8')) as Record<string, unknown>,
      stdout: result.stdout,
    };
  }

  it('caps the passes at a share of the exact count and records the approximation in the JSON and the table', async () => {
    const exact = await explain([]);
    expect(exact.record.approximation).toBeNull();
    expect(exact.stdout).toMatch(/approximation/);
    expect(exact.stdout).toMatch(/\bexact\b/);
    const exactPasses = (exact.record.passes as { run: number }).run - 1;
    const quarter = await explain(['--max-passes', '25%']);
    const approximation = quarter.record.approximation as { rule: string; budget: number; exactPasses: number; layers: { channels: number }[] };
    expect(approximation.rule).toBe('groups');
    expect(approximation.exactPasses).toBe(exactPasses);
    expect(approximation.budget).toBe(Math.floor(exactPasses / 4));
    expect((quarter.record.passes as { run: number }).run - 1).toBeLessThanOrEqual(approximation.budget);
    expect(approximation.layers.length).toBe((quarter.record.layers as string[]).length);
    expect(quarter.stdout).toContain(`groups ${approximation.budget}/${exactPasses}`);
    const capped = await explain(['--max-passes', String(Math.floor(exactPasses / 4)), '--budget-rule', 'top-variance']);
    expect((capped.record.approximation as { rule: string }).rule).toBe('top-variance');
    // From the exact count up, the map is the exact one.
    for (const cap of [String(exactPasses), '100%', '999999']) {
      const full = await explain(['--max-passes', cap]);
      expect(full.record.approximation).toBeNull();
      expect(full.map.data).toEqual(exact.map.data);
    }
  });

  it.each([
    [['--max-passes', '0'], "polycam: error: --max-passes expects an integer of at least 1, got '0'"],
    [['--max-passes', 'many'], "polycam: error: --max-passes expects an integer of at least 1, got 'many'"],
    [['--max-passes', '150%'], "polycam: error: --max-passes expects a positive integer or a percentage in (0, 100], got '150%'"],
    [['--budget-rule', 'groups'], 'polycam: error: --budget-rule needs --max-passes'],
    [['--max-passes', '10', '--budget-rule', 'xyz'], "polycam: error: option '--budget-rule <id>' argument 'xyz' is invalid. Registered pass-budget rules: groups, top-variance."],
    [['--max-passes', '10', '--method', 'rise'], "polycam: error: method 'rise' takes no pass budget"],
    [['--max-passes', '10', '--method', 'score-cam'], "polycam: error: weighting strategy 'score-cam' takes no pass budget"],
  ])('refuses %j in one line with status 1, leaving nothing behind', async (extra, message) => {
    const out = dir.at('refused');
    const result = await runCli(['explain', image, '--model', model, ...extra, '--out', out, '--npz', dir.at('refused.npz')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const [line, rest] = result.stderr.split('\n');
    expect(line!.startsWith(message)).toBe(true);
    expect(rest).toBe('');
    expect((await listTree(dir.path)).filter((path) => path.startsWith('refused'))).toEqual([]);
  });
});
