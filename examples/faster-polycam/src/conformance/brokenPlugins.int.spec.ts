import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// The conformance suites must reject broken plugins. `fixtures/brokenPlugins.conformance.ts`
// runs them on deliberately broken strategies, backends, fusions and attribution methods (one
// bug each) next to correct controls; this spec runs that file in a child vitest and checks
// which checks failed.

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CONFIG = fileURLToPath(new URL('../../fixtures/vitest.config.ts', import.meta.url));
const VITEST = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

const STRATEGY = 'WeightingStrategy conformance: ';
const BACKEND = 'ModelBackend conformance: ';
const FUSION = 'Fusion conformance: ';
const METHOD = 'AttributionMethod conformance: ';

/** For each broken plugin (and control), the checks that must fail: exactly these. */
const expectedFailures: Record<string, readonly string[]> = {
  [`${STRATEGY}control: cic`]: [],
  [`${STRATEGY}ignores-batch-size`]: ['never sends more images in one run than the batch size'],
  [`${STRATEGY}forgets-the-ledger`]: ['gives one finite weight per channel and accounts for each planned evaluation once'],
  [`${STRATEGY}memoizes-across-calls`]: ['is deterministic, stateless between calls and independent of the batch size'],
  [`${STRATEGY}scales-in-place`]: ['leaves the input and the activation untouched'],
  [`${STRATEGY}ignores-cancellation`]: ['stops with aborted when its signal has fired, if it runs the model'],
  [`${STRATEGY}returns-nan`]: [
    'gives one finite weight per channel and accounts for each planned evaluation once',
    'is deterministic, stateless between calls and independent of the batch size',
  ],
  [`${STRATEGY}undercounts-passes`]: ['runs what its passesFor declares, weighing each channel from its own plane, if it declares passesFor'],
  [`${BACKEND}control: toy`]: [],
  [`${BACKEND}drops-unknown-taps`]: ['rejects an unknown tap with unknown-layer'],
  [`${BACKEND}ignores-abort-signal`]: ['rejects with aborted when the signal has fired'],
  [`${BACKEND}accepts-any-input-shape`]: ['rejects an input of the wrong shape with invalid-argument'],
  [`${BACKEND}declares-a-missing-service`]: ['declares forward, and each optional capability exactly when it provides its service'],
  [`${FUSION}control: lnorm`]: [],
  [`${FUSION}normalizes-in-place`]: ['leaves the CAM and the deeper map untouched'],
  [`${FUSION}caches-the-upsampled-map`]: ['keeps no state between calls: A, then B, then A again gives the first A, and B what a fresh instance gives'],
  [`${FUSION}returns-the-deeper-size`]: [
    'returns a map of the CAM’s size, for the deepest layer and on a deeper map of the same or a smaller size',
    'fused as the explainer does, given the input’s size: maps at the CAM’s or the input’s size, and stage maps of the input’s size in [0, 1]',
  ],
  [`${FUSION}divides-by-zero`]: ['gives no NaN for an all-zero CAM, alone or on a deeper map'],
  [`${METHOD}control: rise`]: [],
  [`${METHOD}counts-batches`]: ['reports each planned evaluation to the ledger exactly once'],
  [`${METHOD}fixed-batch-size`]: ['never sends more images in one run than the batch size'],
  [`${METHOD}ignores-cancellation`]: [
    'rejects with aborted, running nothing, when its signal has already fired',
    'stops with aborted, before all its planned evaluations, when its signal fires after the first batch',
  ],
  [`${METHOD}checks-the-signal-once`]: ['stops with aborted, before all its planned evaluations, when its signal fires after the first batch'],
  [`${METHOD}memoizes-by-shape`]: ['keeps no state between calls: A, then B, then A again gives the first A, and B what a fresh instance gives'],
  [`${METHOD}standardizes-in-place`]: ['leaves the input untouched'],
  [`${METHOD}requires-gradients`]: ['is checked on a backend that has every capability it requires'],
};

interface JsonReport {
  readonly testResults: readonly { readonly assertionResults: readonly { ancestorTitles: string[]; title: string; status: string }[] }[];
}

describe('the conformance suites on deliberately broken plugins', () => {
  let exitCode: number;
  let outcomes: Map<string, { failed: string[]; passed: number }>;

  beforeAll(async () => {
    const folder = await mkdtemp(join(tmpdir(), 'polycam-broken-'));
    try {
      const report = join(folder, 'report.json');
      exitCode = await new Promise<number>((resolve) => {
        execFile(process.execPath, [VITEST, 'run', '--config', CONFIG, '--reporter=json', `--outputFile=${report}`], { cwd: ROOT, timeout: 120_000 }, (error) =>
          resolve(error === null ? 0 : typeof error.code === 'number' ? error.code : -1),
        );
      });
      const parsed = JSON.parse(await readFile(report, 'utf8')) as JsonReport;
      outcomes = new Map();
      for (const test of parsed.testResults.flatMap((file) => file.assertionResults)) {
        const suite = test.ancestorTitles[0]!;
        const entry = outcomes.get(suite) ?? { failed: [], passed: 0 };
        if (test.status === 'failed') entry.failed.push(test.title);
        if (test.status === 'passed') entry.passed += 1;
        outcomes.set(suite, entry);
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 150_000);

  it('fails the run', () => {
    expect(exitCode).toBe(1);
  });

  it.each(Object.entries(expectedFailures))('%s fails exactly its broken checks', (suite, failures) => {
    const outcome = outcomes.get(suite);
    expect(outcome).toBeDefined();
    expect([...outcome!.failed].sort()).toEqual([...failures].sort());
    expect(outcome!.passed).toBeGreaterThan(3);
  });
});
