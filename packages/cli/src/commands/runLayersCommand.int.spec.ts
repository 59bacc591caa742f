import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledDemoModel } from '@polycam/synthetic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, parseLayersTable, runCli, writeEarlyPoolModel, writeFlatModel, writeTinyModel, type TempDir } from '../cli.testkit.js';

// `polycam layers`: every layer in forward order with its operator and shape, and a `*` on
// exactly the layers that `--layers auto` picks.

const FIXTURE = fileURLToPath(new URL('../../../../fixtures/reference-smallvgg/', import.meta.url));

describe('polycam layers', () => {
  let dir: TempDir;

  beforeAll(async () => {
    dir = await makeTempDir();
  });

  afterAll(async () => {
    await dir?.remove();
  });

  it("lists the tiny CNN's layers with op and shape, starring its three ReLUs", async () => {
    const model = await writeTinyModel(dir.at('tiny.onnx'));
    const run = await runCli(['layers', '--model', model]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(
      `model ${model} (onnx): input 'input' 3×32×32 (NCHW, dynamic batch), output 'logits' with 4 values`,
    );
    // The architecture documented by buildTinyCnn, as PyTorch's exporter would name it.
    expect(parseLayersTable(run.stdout).map(({ index, auto, name, op, shape }) => [index, auto ? '*' : '', name, op, shape])).toEqual([
      [0, '', '/features/features.0/Conv_output_0', 'Conv', '8×32×32'],
      [1, '*', '/features/features.1/Relu_output_0', 'Relu', '8×32×32'],
      [2, '', '/features/features.2/MaxPool_output_0', 'MaxPool', '8×16×16'],
      [3, '', '/features/features.3/Conv_output_0', 'Conv', '16×16×16'],
      [4, '*', '/features/features.4/Relu_output_0', 'Relu', '16×16×16'],
      [5, '', '/features/features.5/MaxPool_output_0', 'MaxPool', '16×8×8'],
      [6, '', '/features/features.6/Conv_output_0', 'Conv', '16×8×8'],
      [7, '*', '/features/features.7/Relu_output_0', 'Relu', '16×8×8'],
      [8, '', '/avgpool/GlobalAveragePool_output_0', 'GlobalAveragePool', '16×1×1'],
      [9, '', '/Flatten_output_0', 'Flatten', '16'],
      [10, '', 'logits', 'Gemm', '4'],
    ]);
    expect(run.stdout).toMatch(/\n\* = picked by --layers auto \(3 layers\)\n$/);
  });

  it('warns in one line, naming polycam layers, when auto picks fewer than 3 layers of more resolutions', async () => {
    const run = await runCli(['layers', '--model', await writeEarlyPoolModel(dir.at('early-pool.onnx'))]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      "polycam: warning: --layers auto picked only 2 layers on a model with 3 spatial resolutions; see 'polycam layers' and choose with --layers\n",
    );
    expect(parseLayersTable(run.stdout).filter(({ auto }) => auto).map(({ name }) => name)).toEqual(['/relu1/Relu_output_0', '/pool1/MaxPool_output_0']);
  });

  it('tells a fixed batch size and another input size', async () => {
    const model = await writeTinyModel(dir.at('tiny-b1.onnx'), { batch: 1, size: 24, classes: 7 });
    const run = await runCli(['layers', '--model', model]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(`model ${model} (onnx): input 'input' 3×24×24 (NCHW, fixed batch 1), output 'logits' with 7 values`);
    expect(parseLayersTable(run.stdout)[0]).toMatchObject({ shape: '8×24×24' });
  });

  it("stars exactly the reference fixture's six layers", async () => {
    const fixture = JSON.parse(readFileSync(`${FIXTURE}fixture.json`, 'utf8')) as { model: string; layers: string[] };
    const run = await runCli(['layers', '--model', relative(process.cwd(), `${FIXTURE}${fixture.model}`)]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rows = parseLayersTable(run.stdout);
    expect(rows.length).toBeGreaterThan(fixture.layers.length);
    expect(rows.filter((row) => row.auto).map((row) => row.name)).toEqual(fixture.layers);
    expect(rows.map((row) => row.index)).toEqual(rows.map((_, index) => index));
    expect(run.stdout).toContain('(6 layers)');
  });

  it('lists a model with no spatial layer, starring none', async () => {
    const model = await writeFlatModel(dir.at('flat.onnx'));
    const run = await runCli(['layers', '--model', model]);
    expect(run.code).toBe(0);
    const rows = parseLayersTable(run.stdout);
    expect(rows.map((row) => [row.op, row.shape])).toEqual([['Flatten', '3072'], ['Gemm', '4']]);
    expect(rows.some((row) => row.auto)).toBe(false);
    expect(run.stdout).toContain('(0 layers)');
  });

  it('accepts --threads and rejects a bad one', async () => {
    const model = await writeTinyModel(dir.at('tiny-threads.onnx'));
    expect((await runCli(['layers', '--model', model, '--threads', '2'])).code).toBe(0);
    const bad = await runCli(['layers', '--model', model, '--threads', 'many']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe("polycam: error: --threads expects an integer of at least 1, got 'many'\n");
  });
});

describe('polycam layers without --model', () => {
  it('lists the bundled demo model and stars its recommended layers', async () => {
    const run = await runCli(['layers']);
    expect(run.code).toBe(0);
    const starred = run.stdout
      .split('\n')
      .filter((line) => /^\d+\s+\*\s/.test(line))
      .map((line) => line.split(/\s+/)[2]);
    expect(starred).toEqual(bundledDemoModel().metadata.recommendedLayers);
  });

  it("caps --threads 1000 at the machine's cores, warning in one line, and still lists the layers", async () => {
    const cores = availableParallelism();
    const run = await runCli(['layers', '--threads', '1000']);
    expect(run.stderr).toBe(`polycam: warning: --threads 1000 is more than this machine's ${cores} cores; using ${cores}\n`);
    expect(run.code).toBe(0);
    expect(parseLayersTable(run.stdout).filter((row) => row.auto).map((row) => row.name)).toEqual(bundledDemoModel().metadata.recommendedLayers);
  });

  it('takes --threads up to the core count without a warning', async () => {
    const run = await runCli(['layers', '--threads', String(availableParallelism())]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});
