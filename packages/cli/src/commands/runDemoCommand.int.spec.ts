import { readdir, readFile } from 'node:fs/promises';
import { bundledDemoModel } from '@polycam/synthetic';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, runCli, type CliRun, type TempDir } from '../cli.testkit.js';
import { loadDatasetImages } from '@polycam/benchmark';
import { readSavedResults } from '../view/readSavedResults.js';

describe('polycam demo', () => {
  let dir: TempDir;
  let run: CliRun;

  beforeAll(async () => {
    dir = await makeTempDir('polycam-demo-');
    run = await runCli(['demo', '--out', dir.at('demo')]);
  }, 600_000); // a hang guard: the demo explains with two models
  afterAll(async () => {
    await dir.remove();
  });

  it('succeeds and prints one row per bundled image with its predicted class', async () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const images = await loadDatasetImages(bundledDemoModel().imagesFolder);
    expect(images.length).toBeGreaterThanOrEqual(6);
    expect(images.some((image) => image.objects.length === 2)).toBe(true);
    const lines = run.stdout.split('\n');
    for (const image of images) {
      const row = lines.find((line) => line.startsWith(image.name));
      expect(row, image.name).toBeDefined();
      if (image.objects.length === 1) {
        // one-object images: the truth and the prediction columns agree
        const [, truth, predicted] = row!.split(/\s+/);
        expect(predicted).toBe(truth);
      }
    }
    expect(run.stdout).toMatch(/report: .*index\.html/);
  });

  it('writes valid PNGs: the inputs, an overlay per image and method, the stage strips and per-class maps', async () => {
    const images = await loadDatasetImages(bundledDemoModel().imagesFolder);
    const files = await readdir(dir.at('demo'));
    for (const image of images) {
      const stem = image.name.replace(/\.png$/, '');
      const expected = [image.name, `${stem}-pcampm.png`, `${stem}-pcamp.png`, `${stem}-pcamm.png`, `${stem}-stages.png`];
      if (image.objects.length === 2) expected.push(...image.objects.map((object) => `${stem}-class-${object.className}.png`));
      for (const name of expected) {
        expect(files, name).toContain(name);
        const metadata = await sharp(dir.at('demo', name)).metadata();
        expect(metadata.format).toBe('png');
        expect(metadata.width).toBeGreaterThan(0);
      }
    }
    expect(files.filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('segments every image and explains each object\'s class over its predicted region, next to the classifier\'s figure', async () => {
    const images = await loadDatasetImages(bundledDemoModel().imagesFolder);
    const files = await readdir(dir.at('demo'));
    const section = run.stdout.slice(run.stdout.indexOf('segmentation network:'));
    expect(section.length).toBeLessThan(run.stdout.length);
    for (const image of images) {
      const stem = image.name.replace(/\.png$/, '');
      for (const name of [`${stem}-segmentation.png`, ...image.objects.map((object) => `${stem}-segmentation-${object.className}.png`)]) {
        expect(files, name).toContain(name);
        expect((await sharp(dir.at('demo', name)).metadata()).format).toBe('png');
      }
      for (const object of image.objects) {
        // image, object, region IoU, the segmentation map's energy in the object, the classifier's
        const row = section.split('\n').find((line) => line.startsWith(image.name) && line.split(/\s+/)[1] === object.className);
        expect(row, `${image.name} ${object.className}`).toBeDefined();
        const [, , iou, energy, classifier] = row!.split(/\s+/);
        expect(Number(iou)).toBeGreaterThan(0.5);
        expect(energy).toMatch(/^\d+\.\d%$/);
        expect(classifier).toMatch(/^(\d+\.\d%|-)$/);
      }
    }
  });

  it('writes an index.html that shows every image it wrote, and nothing that is missing', async () => {
    const html = await readFile(dir.at('demo', 'index.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    for (const tag of ['html', 'head', 'body', 'table', 'thead', 'tbody']) {
      expect(html.split(`<${tag}`).length - 1, tag).toBe(html.split(`</${tag}>`).length - 1);
    }
    expect(html.split('<section').length).toBe(html.split('</section>').length);
    const sources = [...html.matchAll(/<img [^>]*src="([^"]+)"/g)].map((match) => match[1]!);
    const files = (await readdir(dir.at('demo'))).filter((name) => name.endsWith('.png'));
    expect(new Set(sources)).toEqual(new Set(files));
  });

  it('is what polycam view opens: every overlay, with its bundled image and method to explain again in the page', async () => {
    const images = await loadDatasetImages(bundledDemoModel().imagesFolder);
    const { listing, files } = readSavedResults(dir.at('demo'));
    expect(listing.kind).toBe('demo');
    expect(listing.report).toBe('results/files/index.html');
    const perClass = images.reduce((sum, image) => sum + (image.objects.length > 1 ? image.objects.length : 0), 0);
    expect(listing.entries).toHaveLength(images.length * 3 + perClass);
    for (const entry of listing.entries) {
      expect(files.has(entry.overlay!), entry.title).toBe(true);
      expect(entry.image).toMatch(/^demo\/images\/(single|pair)-\d{5}\.png$/);
      expect(entry.layers).toEqual(bundledDemoModel().metadata.recommendedLayers);
    }
    expect(listing.entries.filter((entry) => entry.classIndex !== undefined)).toHaveLength(perClass);
    expect(await readFile(dir.at('demo', 'index.html'), 'utf8')).toContain('npx polycam view');
  });
});
