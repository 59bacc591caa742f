import { availableParallelism } from 'node:os';
import { createPolycamContainer, loadModel, preprocessImage, TOKENS, type ModelBackend } from '@polycam/core';
import { onnxBackendModule } from '@polycam/backend-onnx';
import { loadDatasetImages } from '@polycam/benchmark';
import { formatTable, startViewServer } from '@polycam/cli';
import { polycamModule } from '@polycam/method-polycam';
import { bundledDemoModel } from '@polycam/synthetic';
import type { PageExplainResult, PolycamPageApi } from '@polycam/web';
import { chromium, type Page } from 'playwright-core';
import { median } from './median.js';

/** One way of running a PCAM± map, in the browser or in Node. */
interface Runner {
  readonly label: string;
  /** The Node runner its ratio is taken against (its own label for a Node runner). */
  readonly reference: string;
  explain(image: string): Promise<number>;
}

/**
 * `npm run bench:browser`: milliseconds per PCAM± map on the bundled demo model in headless
 * Chromium (the web app, served by `polycam view`'s server): WASM with one thread, WASM with
 * the machine's threads, and WebGPU where the browser offers an adapter; each against
 * onnxruntime-node with the same threads, in the same run. Each repetition explains one demo
 * image once on every runner in turn, and each browser time is divided by its Node reference's
 * time on that image in that repetition; the table gives the medians. Times are the explainer's
 * own (`durationMs`, passes and fusion), in the page's worker and in Node alike.
 *
 * @param args - `--repetitions N` (default 6); `--webgpu` adds WebGPU where there is an adapter
 *   (in headless Chromium without a GPU, that is SwiftShader's software adapter: minutes per map).
 * @returns When the table is printed.
 */
export async function runBrowserBench(args: readonly string[]): Promise<void> {
  const at = args.indexOf('--repetitions');
  const repetitions = at >= 0 ? Number(args[at + 1]) : 6;
  const withGpu = args.includes('--webgpu');
  const threads = availableParallelism();
  const { modelPath, imagesFolder, metadata } = bundledDemoModel();
  const images = (await loadDatasetImages(imagesFolder)).slice(0, repetitions);
  const container = await createPolycamContainer(polycamModule, onnxBackendModule);
  const explainer = container.get(TOKENS.Explainer);
  const server = await startViewServer();
  const launch = (extra: string[]) =>
    chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', ...extra] });
  const browser = await launch([]);
  // WebGPU in a browser of its own: should its GPU process fail, the WASM runners go on.
  const gpuBrowser = await launch(['--enable-unsafe-webgpu']);
  let gpuNote = '';
  const backends: ModelBackend[] = [];
  try {
    const nodeRunner = async (count: number): Promise<Runner> => {
      const backend = await loadModel(container, { path: modelPath }, { backend: 'onnx', threads: count });
      backends.push(backend);
      const label = `onnxruntime-node, ${count} thread${count === 1 ? '' : 's'}`;
      return {
        label,
        reference: label,
        explain: async (name) => {
          const image = images.find((candidate) => candidate.name === name)!;
          const input = preprocessImage(image.pixels, { height: metadata.inputShape[1], width: metadata.inputShape[2], mean: metadata.mean, std: metadata.std });
          return (await explainer.explain({ backend, input, method: 'pcam±' })).durationMs;
        },
      };
    };
    const pageRunner = async (query: string, label: string, reference: string): Promise<Runner | undefined> => {
      const page: Page = await (query.includes('webgpu') ? gpuBrowser : browser).newPage();
      await page.goto(`${server.url}?${query}`);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
      if (query.includes('webgpu') && !(await page.evaluate(() => ((globalThis as unknown as { document: { getElementById(id: string): { textContent: string | null } | null } }).document.getElementById('runtime-status')?.textContent ?? '').includes('on WebGPU')))) return undefined;
      return {
        label,
        reference,
        explain: async (name) => {
          const request = { modelUrl: 'demo/demo-cnn.onnx', imageUrl: `demo/images/${name}`, method: 'pcam±' };
          const result: PageExplainResult = await page.evaluate((body) => (globalThis as unknown as { polycam: PolycamPageApi }).polycam.explain(body), request);
          return result.durationMs;
        },
      };
    };
    const one = await nodeRunner(1);
    const many = await nodeRunner(threads);
    // WebGPU needs a secure context: ask from the app's own (localhost) origin.
    const probe = await gpuBrowser.newPage();
    await probe.goto(server.url);
    const adapter = await probe.evaluate(async () => {
      type Adapter = { info?: { vendor?: string; architecture?: string; description?: string } };
      const gpu = (globalThis as unknown as { navigator: { gpu?: { requestAdapter(): Promise<Adapter | null> } } }).navigator.gpu;
      const found = gpu === undefined ? null : await gpu.requestAdapter().catch(() => null);
      return found === null ? undefined : [found.info?.vendor, found.info?.architecture, found.info?.description].filter(Boolean).join(' ') || 'an adapter';
    });
    await probe.close();
    const hasGpu = withGpu && adapter !== undefined;
    const runners = [
      one,
      many,
      await pageRunner('threads=1', 'Chromium, WASM, 1 thread', one.label),
      await pageRunner(`threads=${threads}`, `Chromium, WASM, ${threads} threads`, many.label),
      hasGpu ? await pageRunner('device=webgpu', 'Chromium, WebGPU', many.label) : undefined,
    ].filter((runner): runner is Runner => runner !== undefined);
    // Warm-up (sessions start lazily); a runner that fails here is reported and left out.
    for (const runner of [...runners]) {
      try {
        await runner.explain(images[0]!.name);
      } catch (error) {
        runners.splice(runners.indexOf(runner), 1);
        gpuNote += `${runner.label} failed and was left out: ${String((error as Error).message).split('\n')[0]}\n`;
      }
    }
    const times = new Map(runners.map((runner) => [runner.label, [] as number[]]));
    for (const image of images) {
      for (const runner of runners) {
        const ms = await runner.explain(image.name);
        times.get(runner.label)!.push(ms);
        process.stderr.write(`${image.name}: ${runner.label}: ${ms.toFixed(0)} ms\n`);
      }
    }
    const rows = runners.map((runner) => {
      const own = times.get(runner.label)!;
      const reference = times.get(runner.reference)!;
      return [runner.label, own.length > 0 ? median(own).toFixed(0) : '-', `${median(own.map((ms, index) => ms / reference[index]!)).toFixed(2)}×`, runner.reference];
    });
    process.stdout.write(`PCAM± on the bundled demo model (${metadata.inputShape.join('×')}), ${images.length} demo images side by side, ${threads} logical cores\n`);
    process.stdout.write(formatTable(['runner', 'ms per map (median)', 'ratio (median)', 'against'], rows));
    const gpuLine = adapter === undefined ? 'this headless Chromium offers no adapter' : `adapter (with --enable-unsafe-webgpu): ${adapter}`;
    process.stdout.write(`WebGPU: ${gpuLine}${withGpu ? '' : '; not measured (add --webgpu)'}\n${gpuNote}`);
  } finally {
    await browser.close();
    await gpuBrowser.close().catch(() => undefined);
    await server.close();
    await Promise.all(backends.map((backend) => backend.dispose()));
  }
}
