import { readFile } from 'node:fs/promises';
import { bundledDemoModel } from '@polycam/synthetic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, runCli, writePng, writeTinyModel, type TempDir } from '../cli.testkit.js';

// The bundled model's metadata names its classes: explain shows the name next to the number, in
// the table's class cell (so the columns stay where they are) and the JSON; a model without names
// keeps numbers only.
describe('polycam explain names the classes of the bundled model', () => {
  let dir: TempDir;

  beforeAll(async () => {
    dir = await makeTempDir('polycam-classnames-');
  });
  afterAll(async () => {
    await dir.remove();
  });

  it("adds the class name to the table and to the JSON's className", async () => {
    const { metadata, imagesFolder } = bundledDemoModel();
    const image = `${imagesFolder}test/single-00000.png`;
    const run = await runCli(['explain', image, '--method', 'cam±', '--out', dir.at('named')]);
    expect(run.code).toBe(0);
    const [header, row] = run.stdout.trimEnd().split('\n') as [string, string];
    expect(header.split(/\s{2,}/).slice(0, 3)).toEqual(['image', 'class', 'score']);
    const [, classCell] = row.split(/\s{2,}/);
    const summary = JSON.parse(await readFile(dir.at('named', 'single-00000-campm.json'), 'utf8')) as { class: number; className: string };
    expect(summary.className).toBe(metadata.classes[summary.class]);
    expect(classCell).toBe(`${summary.class} ${summary.className}`);
  });

  it('keeps numbers only for a model without class names', async () => {
    const model = await writeTinyModel(dir.at('tiny.onnx'));
    const image = await writePng(dir.at('a.png'), 32, 32);
    const run = await runCli(['explain', image, '--model', model, '--out', dir.at('plain')]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[1]!.split(/\s{2,}/)[1]).toMatch(/^\d+$/);
    const summary = JSON.parse(await readFile(dir.at('plain', 'a-pcampm.json'), 'utf8')) as Record<string, unknown>;
    expect(summary).not.toHaveProperty('className');
  });
});
