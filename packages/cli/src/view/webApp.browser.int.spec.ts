import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildResNetLikeModel } from '@polycam/backend-onnx/builders';
import type { Tensor } from '@polycam/core';
import { decodeNpy, decodeNpz } from '@polycam/core/io';
import { bundledDemoModel } from '@polycam/synthetic';
import type { PageExplainRequest, PageExplainResult, PolycamPageApi } from '@polycam/web';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, runCli, type TempDir } from '../cli.testkit.js';
import { launchChromium } from './chromium.testkit.js';
import { startViewServer } from './startViewServer.js';
import type { ViewServer } from './ViewServer.js';

// The web app in a real browser (Debian's Chromium, headless), served by `polycam view`'s server
// with the cross-origin isolation headers: its maps, through the page's controls and through
// window.polycam.explain, are those of `polycam explain --npz`; it cancels within one batch and
// refuses a corrupt model in one visible line. Screenshots are kept in artifacts/web/.

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const artifacts = join(repo, 'artifacts', 'web');
const { imagesFolder } = bundledDemoModel();
const IMAGES = ['pair-00000.png', 'single-00003.png'] as const;
const imagePath = (name: string): string => join(imagesFolder, 'test', name);

function largestDifference(map: ArrayLike<number>, expected: Tensor): number {
  expect(map.length).toBe(expected.data.length);
  let largest = 0;
  for (let i = 0; i < map.length; i += 1) largest = Math.max(largest, Math.abs(map[i]! - expected.data[i]!));
  return largest;
}

async function progress(page: Page): Promise<{ done: number; total: number }> {
  const match = /^(\d+) \/ (\d+) passes$/.exec((await page.textContent('#progress-text')) ?? '');
  return match ? { done: Number(match[1]), total: Number(match[2]) } : { done: -1, total: -1 };
}

/** A second origin that serves some files with `Access-Control-Allow-Origin: *`. */
async function serveWithCors(files: Record<string, string>): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = files[request.url ?? ''];
    response.writeHead(path ? 200 : 404, { 'Access-Control-Allow-Origin': '*' });
    if (path) void readFile(path).then((bytes) => response.end(bytes));
    else response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function explainInPage(page: Page, request: PageExplainRequest): Promise<PageExplainResult> {
  return page.evaluate((body) => (globalThis as unknown as { polycam: PolycamPageApi }).polycam.explain(body), request);
}

describe('the web app in Chromium', () => {
  let dir: TempDir;
  let browser: Browser;
  let server: ViewServer;
  let page: Page;
  let cliMaps: Map<string, Tensor>;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = await makeTempDir('polycam-web-');
    // Built from the sources, so the page under test is never a stale build.
    await build({ configFile: join(repo, 'packages/web/vite.config.ts'), logLevel: 'warn', build: { outDir: dir.at('app'), emptyOutDir: true } });
    const run = await runCli(['explain', ...IMAGES.map(imagePath), '--npz', dir.at('cli.npz'), '--out', dir.at('out')]);
    expect(run.code, run.stderr).toBe(0);
    cliMaps = decodeNpz(new Uint8Array(await readFile(dir.at('cli.npz'))));
    server = await startViewServer({ app: dir.at('app'), results: dir.at('out') });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await mkdir(artifacts, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await dir?.remove();
  });

  it('loads the page cross-origin isolated, with the bundled model, its images and the gradient-free methods', async () => {
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
    expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
    expect(await page.isHidden('#message')).toBe(true);
    expect(await page.textContent('#model-name')).toContain('input 3×128×128, 8 classes, 21 layers');
    expect(await page.locator('#images button').count()).toBe(11);
    const usable = await page.locator('#method option:not([disabled])').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(usable).toEqual(expect.arrayContaining(['pcam±', 'pcam+', 'pcam-', 'score-cam', 'rise', 'occlusion']));
    const refused = await page.locator('#method option[disabled]').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(refused).toEqual(expect.arrayContaining(['grad-cam', 'grad-cam++', 'layer-cam']));
    // auto's choice, as `polycam layers` marks it: five layers on the demo model.
    expect(await page.locator('#layers label', { hasText: '★' }).count()).toBe(5);
    expect(await page.locator('#classes input.per-class').count()).toBe(5);
  });

  it("explains a bundled image through the controls (a file chooser, clicks) and gives polycam explain's map", async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.click('#image-files');
    await (await chooser).setFiles(imagePath(IMAGES[0]));
    await page.waitForSelector('#images button:nth-child(12)[aria-pressed="true"]');
    await page.waitForSelector('#classes input.per-class');
    await page.selectOption('#method', 'pcam±');
    await page.click('#explain');
    await page.waitForFunction(() => document.querySelector('#summary')?.textContent?.includes('passes run'), undefined, { timeout: 120_000 });
    expect(await page.textContent('#summary')).toMatch(/^pcam±: class 7 dotted-disk, score 0\.6871, 497 passes run, 0 saved/);
    expect(await progress(page)).toEqual({ done: 496, total: 496 });
    const download = page.waitForEvent('download');
    await page.click('#download-npy');
    const file = await (await download).path();
    const map = decodeNpy(new Uint8Array(await readFile(file)));
    expect(map.shape).toEqual([128, 128]);
    expect(largestDifference(map.data, cliMaps.get(IMAGES[0])!)).toBeLessThanOrEqual(1e-4);
    // The stage slider walks from the deepest stage to the final map.
    await page.fill('#stage', '0');
    expect(await page.textContent('#stage-label')).toContain('stage 1 of 5 from the deepest: /features/features.24/Relu_output_0');
    await page.fill('#stage', '4');
    await page.locator('#overlay').hover({ position: { x: 10, y: 10 } });
    expect(await page.textContent('#value')).toMatch(/^map value at \(\d+, \d+\): \d\.\d{4}$/);
    await page.screenshot({ path: join(artifacts, 'explained-1400.png'), fullPage: true });
  });

  it("gives polycam explain's maps through window.polycam.explain, for same-origin and CORS URLs", async () => {
    for (const name of IMAGES) {
      const result = await explainInPage(page, { modelUrl: 'demo/demo-cnn.onnx', imageUrl: `demo/images/${name}`, method: 'pcam±' });
      expect([result.width, result.height]).toEqual([128, 128]);
      expect(result.passes).toEqual({ run: 497, saved: 0 });
      expect(largestDifference(result.map, cliMaps.get(name)!)).toBeLessThanOrEqual(1e-4);
    }
    // Another origin that allows it: the same bytes from a second server with CORS headers.
    const other = await serveWithCors({ '/model.onnx': bundledDemoModel().modelPath, '/image.png': imagePath(IMAGES[1]) });
    try {
      const result = await explainInPage(page, { modelUrl: `${other.origin}/model.onnx`, imageUrl: `${other.origin}/image.png`, method: 'pcam±', classIndex: 3 });
      expect(result.classIndex).toBe(3);
      const run = await runCli(['explain', imagePath(IMAGES[1]), '--class', '3', '--npz', dir.at('class3.npz')]);
      expect(run.code, run.stderr).toBe(0);
      const expected = decodeNpz(new Uint8Array(await readFile(dir.at('class3.npz')))).get(IMAGES[1])!;
      expect(largestDifference(result.map, expected)).toBeLessThanOrEqual(1e-4);
    } finally {
      await other.close();
    }
  });

  it('gives the CLI\'s maps for a model and a photo it has never seen: a ResNet-like CNN and a JPEG of another size', async () => {
    await writeFile(dir.at('resnet.onnx'), buildResNetLikeModel({ size: 96, classes: 10, widths: [8, 16, 32], seed: 3 }));
    await sharp(imagePath(IMAGES[0])).resize(200, 150).jpeg({ quality: 85 }).toFile(dir.at('photo.jpg'));
    const run = await runCli(['explain', dir.at('photo.jpg'), '--model', dir.at('resnet.onnx'), '--method', 'pcam+', '--npz', dir.at('resnet.npz')]);
    expect(run.code, run.stderr).toBe(0);
    const expected = decodeNpz(new Uint8Array(await readFile(dir.at('resnet.npz')))).get('photo.jpg')!;
    const other = await serveWithCors({ '/resnet.onnx': dir.at('resnet.onnx'), '/photo.jpg': dir.at('photo.jpg') });
    try {
      const result = await explainInPage(page, { modelUrl: `${other.origin}/resnet.onnx`, imageUrl: `${other.origin}/photo.jpg`, method: 'pcam+' });
      expect([result.width, result.height]).toEqual([96, 96]);
      expect(largestDifference(result.map, expected)).toBeLessThanOrEqual(1e-4);
      expect(await page.textContent('#model-name')).toMatch(/^resnet\.onnx: input 3×96×96, 10 classes, \d+ layers$/);
    } finally {
      await other.close();
    }
  });

  it('cancels a running explanation within one batch, and explains again afterwards', async () => {
    await page.click('#use-demo');
    await page.waitForFunction(() => document.querySelector('#model-name')?.textContent?.startsWith('polycam demo CNN'));
    await page.selectOption('#method', 'pcam±');
    await page.click('#explain');
    await page.waitForFunction(() => /^([3-9]\d|\d{3,}) \//.test(document.querySelector('#progress-text')?.textContent ?? ''), undefined, { timeout: 60_000 });
    const before = await progress(page);
    await page.click('#cancel');
    await page.waitForSelector('#message:not([hidden])');
    expect(await page.textContent('#message')).toBe('the explanation was cancelled');
    const after = await progress(page);
    expect(after.total).toBe(496);
    expect(after.done).toBeLessThan(after.total);
    // At most the batch in flight when Cancel arrived, and one whose progress was on its way (32 each).
    expect(after.done - before.done).toBeLessThanOrEqual(64);
    expect(await page.isDisabled('#cancel')).toBe(true);
    await page.click('#explain');
    await page.waitForFunction(() => document.querySelector('#progress-text')?.textContent === '496 / 496 passes', undefined, { timeout: 120_000 });
    expect(await page.isHidden('#message')).toBe(true);
  });

  it('shows methods side by side and one map per ticked class, and downloads the overlay as a PNG of the image\'s size', async () => {
    for (const box of await page.locator('#compare-methods input').all()) await box.setChecked(['cam+', 'cam-'].includes(await box.inputValue()));
    await page.click('#compare');
    await page.waitForFunction(() => document.querySelectorAll('#compare-grid figure').length === 2, undefined, { timeout: 120_000 });
    expect(await page.locator('#compare-grid figcaption').allTextContents()).toEqual([expect.stringMatching(/^cam\+: \d+ ms, \d+ passes$/), expect.stringMatching(/^cam-: \d+ ms, \d+ passes$/)]);
    await page.selectOption('#method', 'cam+');
    const ticks = page.locator('#classes input.per-class');
    await ticks.nth(0).check();
    await ticks.nth(1).check();
    const classes = await Promise.all([0, 1].map((index) => ticks.nth(index).inputValue()));
    await page.click('#per-class');
    await page.waitForFunction(() => document.querySelectorAll('#class-grid figure').length === 2, undefined, { timeout: 120_000 });
    const captions = await page.locator('#class-grid figcaption').allTextContents();
    expect(captions.map((caption) => /^class (\d+)/.exec(caption)?.[1])).toEqual(classes);
    const download = page.waitForEvent('download');
    await page.click('#download-png');
    const png = await sharp(await (await download).path()).metadata();
    expect(png.format).toBe('png');
    expect([png.width, png.height]).toEqual(await page.evaluate(() => {
      const canvas = document.getElementById('overlay') as HTMLCanvasElement;
      return [canvas.width, canvas.height];
    }));
  });

  it('refuses a corrupt model with one visible line, and keeps the loaded model', async () => {
    const loaded = await page.textContent('#model-name');
    const chooser = page.waitForEvent('filechooser');
    await page.click('#model-file');
    await (await chooser).setFiles({ name: 'broken.onnx', mimeType: 'application/octet-stream', buffer: Buffer.from('this is not an ONNX model') });
    await page.waitForSelector('#message:not([hidden])');
    const message = (await page.textContent('#message')) ?? '';
    expect(message).toMatch(/^broken\.onnx is not a usable ONNX model: /);
    expect(message).not.toContain('\n');
    expect(await page.textContent('#model-name')).toBe(loaded);
    await page.screenshot({ path: join(artifacts, 'corrupt-model.png') });
  });

  it("opens polycam explain --out's results and explains them again to the same maps", async () => {
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
    expect(await page.isVisible('#results')).toBe(true);
    expect(await page.locator('#results-list figure').count()).toBe(2);
    await page.locator('#results-list figure', { hasText: IMAGES[1] }).getByRole('button', { name: 'Open here' }).click();
    await page.waitForFunction(() => document.querySelector('#summary')?.textContent?.includes('passes run'), undefined, { timeout: 120_000 });
    const download = page.waitForEvent('download');
    await page.click('#download-npy');
    const map = decodeNpy(new Uint8Array(await readFile(await (await download).path())));
    expect(largestDifference(map.data, cliMaps.get(IMAGES[1])!)).toBeLessThanOrEqual(1e-4);
  });

  it('lays out at 800 px wide, and raised no page error', async () => {
    await page.setViewportSize({ width: 800, height: 1000 });
    await page.screenshot({ path: join(artifacts, 'page-800.png'), fullPage: true });
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
    expect(widths.page).toBeLessThanOrEqual(widths.window);
    expect(pageErrors).toEqual([]);
  });
});
