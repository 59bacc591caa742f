import { join } from 'node:path';
import { bundledDemoModel } from '@polycam/synthetic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, runCli, TextCollector, type TempDir } from '../cli.testkit.js';
import { main } from '../main.js';

describe('polycam view', () => {
  let dir: TempDir;
  const image = join(bundledDemoModel().imagesFolder, 'test', 'single-00001.png');

  beforeAll(async () => {
    dir = await makeTempDir('polycam-view-');
    const run = await runCli(['explain', image, '--out', dir.at('out')]);
    expect(run.code, run.stderr).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await dir.remove();
  });

  it("prints its URL, serves the app with the isolation headers and explain --out's results, and stops on Ctrl-C with status 0", async () => {
    const stdout = new TextCollector();
    const stderr = new TextCollector();
    const controller = new AbortController();
    const exit = main(['view', dir.at('out'), '--port', '0'], { stdout, stderr, signal: controller.signal });
    while (!stdout.text.includes('http')) await new Promise((resolve) => setTimeout(resolve, 20));
    const url = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout.text)![1]!;
    expect(stdout.text).toBe(`polycam view: the results in ${dir.at('out')} at ${url}\n(Ctrl-C to stop)\n`);
    try {
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(page.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
      expect(page.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(await page.text()).toContain('<title>polycam');
      const listing = (await (await fetch(`${url}results/index.json`)).json()) as { kind: string; entries: { title: string; overlay: string; image: string; method: string; classIndex: number }[] };
      expect(listing.kind).toBe('explain');
      expect(listing.entries).toHaveLength(1);
      const [entry] = listing.entries;
      expect(entry).toMatchObject({ title: 'single-00001.png · pcam±', method: 'pcam±', classIndex: 1, overlay: 'results/files/single-00001-pcampm.png' });
      const served = await fetch(`${url}${entry!.image}`);
      expect(served.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await served.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
      // Only the app and the files the listing names are reachable.
      expect((await fetch(`${url}results/files/..%2F..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
      expect((await fetch(`${url}..%2F..%2Fpackage.json`)).status).toBe(404);
    } finally {
      controller.abort();
    }
    expect(await exit).toBe(0);
    expect(stderr.text).toBe('');
  });

  it('refuses a missing folder and a bad port in one line, with exit status 1', async () => {
    const missing = await runCli(['view', dir.at('nothing-here'), '--port', '0']);
    expect(missing).toEqual({ code: 1, stdout: '', stderr: `polycam: error: results folder '${dir.at('nothing-here')}' does not exist or is not a folder\n` });
    const port = await runCli(['view', '--port', 'eighty']);
    expect(port).toEqual({ code: 1, stdout: '', stderr: "polycam: error: --port expects an integer of at least 0, got 'eighty'\n" });
  });
});
