import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPolycamContainer, PolycamError, preprocessImage, TOKENS, type ImagePixels } from '@polycam/core';
import { decodeNpy } from '@polycam/core/io';
import { createToyBackend } from '@polycam/core/testing';
import { polycamModule } from '@polycam/method-polycam';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJobs } from '../job/createJobs.js';
import type { JobConfig } from '../job/JobConfig.js';
import { jobFiles } from '../output/jobFiles.js';
import { createJobRunner } from './createJobRunner.js';
import type { JobContext } from './JobContext.js';

// Jobs run for real: the toy backend of @polycam/core/testing and the real explainer with the
// Poly-CAM presets; the context decodes "images" as seeded pixels named by their path.

let dir: string;
const pixels = (path: string, height: number, width: number): ImagePixels => {
  const data = new Uint8Array(height * width * 3);
  for (let index = 0; index < data.length; index += 1) data[index] = (index * 37 + path.length * 11) % 256;
  return { height, width, channels: 3, data };
};
const config = (method: string): JobConfig => ({ method, options: {}, model: '/toy', modelHash: 'toy' });

function contexts(): { open: (config: JobConfig) => Promise<JobContext>; opened: string[]; disposed: string[]; maxOpen: () => number } {
  const opened: string[] = [];
  const disposed: string[] = [];
  let live = 0;
  let most = 0;
  return {
    opened,
    disposed,
    maxOpen: () => most,
    open: async (jobConfig) => {
      const explainer = (await createPolycamContainer(polycamModule)).get(TOKENS.Explainer);
      explainer.method(jobConfig.method); // an unknown method fails here, as the CLI's check does
      const backend = createToyBackend();
      const [, height, width] = backend.description.input.shape;
      opened.push(jobConfig.method);
      most = Math.max(most, (live += 1));
      return {
        backend,
        readImage: async (path) => {
          if (path.endsWith('bad.png')) throw new PolycamError('invalid-image', `'${path}' is not a readable image`);
          return pixels(path, height, width);
        },
        preprocess: (image) => preprocessImage(image, { height, width, mean: [0.5, 0.5, 0.5], std: [0.25, 0.25, 0.25] }),
        explain: (input, signal) => explainer.explain({ backend, input, method: jobConfig.method, signal }),
        renderOverlay: async () => Uint8Array.from([1]),
        details: () => ({ model: '/toy' }),
        dispose: async () => {
          live -= 1;
          disposed.push(jobConfig.method);
          await backend.dispose();
        },
      };
    },
  };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'polycam-runner-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createJobRunner', () => {
  it("writes the explainer's own map, and runs two configurations' jobs given at once with one model open at a time", async () => {
    const made = contexts();
    const runner = createJobRunner(made.open);
    const images = [1, 2].map((index) => ({ relativePath: `img${index}.png`, path: `/in/img${index}.png` }));
    const plus = createJobs(images, config('pcam+'), dir, { overlay: false });
    const minus = createJobs(images, config('pcam-'), dir, { overlay: true });
    const signal = new AbortController().signal;
    const outcomes = await Promise.all([plus[0]!, minus[0]!, plus[1]!, minus[1]!].map((data) => runner.run(data, signal)));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['done', 'done', 'done', 'done']);
    expect(made.opened).toEqual(['pcam+', 'pcam-']);
    expect(made.maxOpen()).toBe(1);
    await runner.close();
    expect(made.disposed).toEqual(['pcam+', 'pcam-']);

    const backend = createToyBackend();
    const [, height, width] = backend.description.input.shape;
    const explainer = (await createPolycamContainer(polycamModule)).get(TOKENS.Explainer);
    const input = preprocessImage(pixels('/in/img1.png', height, width), { height, width, mean: [0.5, 0.5, 0.5], std: [0.25, 0.25, 0.25] });
    const expected = await explainer.explain({ backend, input, method: 'pcam-' });
    const written = decodeNpy(await readFile(jobFiles(dir, minus[0]!.job).map));
    expect(written.shape).toEqual([expected.map.height, expected.map.width]);
    expect(Array.from(written.data)).toEqual(Array.from(expected.map.data));
    expect((await readFile(jobFiles(dir, minus[0]!.job).overlay)).length).toBe(1);
  });

  it('does not run a complete job again, fails a bad image alone, and fails every job of a configuration that cannot open', async () => {
    const made = contexts();
    const runner = createJobRunner(made.open);
    const signal = new AbortController().signal;
    const [good, bad] = createJobs(
      [
        { relativePath: 'good.png', path: '/in/good.png' },
        { relativePath: 'bad.png', path: '/in/bad.png' },
      ],
      config('pcam+'),
      dir,
      { overlay: false },
    );
    expect((await runner.run(good!, signal)).status).toBe('done');
    expect((await runner.run(good!, signal)).status).toBe('complete');
    expect(await runner.run(bad!, signal)).toMatchObject({ status: 'failed', failure: { kind: 'invalid-image', transient: false, configuration: false } });
    const log = (await readFile(join(dir, good!.job.configId, 'attempts.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { outcome: string });
    expect(log.map((line) => line.outcome)).toEqual(['done', 'complete', 'failed']);

    const [unknown] = createJobs([{ relativePath: 'good.png', path: '/in/good.png' }], config('no-such-method'), dir, { overlay: false });
    expect(await runner.run(unknown!, signal)).toMatchObject({ status: 'failed', failure: { kind: 'unknown-method', configuration: true } });
    await runner.close();
    expect(made.disposed).toEqual(['pcam+']);
  });
});
