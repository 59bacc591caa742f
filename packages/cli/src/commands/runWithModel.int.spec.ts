import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTree, makeTempDir, parseLayersTable, runCli, writePng, type TempDir } from '../cli.testkit.js';

// The shared runner and model options on the commands that gained them: --plugin (with a
// plugin's backend) on layers, the bundled-model commands refusing a bad plugin before any
// work, and evaluate on another backend than ONNX Runtime.

describe('the shared model options on every command', () => {
  let dir: TempDir;

  beforeAll(async () => {
    dir = await makeTempDir('polycam-runner-');
  });
  afterAll(() => dir?.remove());

  it("lists the layers through a plugin's backend: polycam layers --plugin … --backend onnxruntime-web", async () => {
    const native = await runCli(['layers']);
    const web = await runCli(['layers', '--plugin', '@polycam/backend-onnx-web', '--backend', 'onnxruntime-web']);
    expect(web.stderr).toBe('');
    expect(web.code).toBe(0);
    expect(web.stdout.split('\n')[0]).toMatch(/^model \S+demo-cnn\.onnx \(onnxruntime-web\): input /);
    expect(parseLayersTable(web.stdout)).toEqual(parseLayersTable(native.stdout));
    const without = await runCli(['layers', '--backend', 'onnxruntime-web']);
    expect(without.code).toBe(1);
    expect(without.stderr).toBe("polycam: error: no loaded backend module can load backend 'onnxruntime-web' (available: onnx, tfjs)\n");
  });

  it.each([
    ['demo', ['--out', 'demo-out']],
    ['sanity', ['--data', 'sanity-data']],
    ['benchmark', ['--data', 'benchmark-data', '--plot', 'benchmark-plot/curves.svg']],
  ])('polycam %s takes --plugin, and refuses a missing one in one line before any work', async (command, extra) => {
    const args = extra.map((value, index) => (index % 2 === 1 ? dir.at(value) : value));
    const run = await runCli([command, '--plugin', './no/such/plugin.js', ...args]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^polycam: error: plugin '\.\/no\/such\/plugin\.js' not found: no file at \S+\n$/);
    expect(await listTree(dir.path)).not.toContain(extra[1]!.split('/')[0]);
  });

  it("evaluates on the bundled model's TF.js copy with --backend tfjs, as on its ONNX file", async () => {
    const image = await writePng(dir.at('scene.png'), 128, 128);
    const explained = await runCli(['explain', image, '--npz', dir.at('maps.npz')]);
    expect(explained.code).toBe(0);
    const evaluate = async (extra: readonly string[], csv: string) =>
      runCli(['evaluate', image, '--saliency-npz', dir.at('maps.npz'), '--steps', '16', '--csv-dir', dir.at(csv), ...extra]);
    const onnx = await evaluate([], 'csv-onnx');
    const tfjs = await evaluate(['--backend', 'tfjs'], 'csv-tfjs');
    expect(onnx.code).toBe(0);
    expect(tfjs.stderr).toBe('');
    expect(tfjs.code).toBe(0);
    // The CSV files are named after the model file: the TF.js copy's model.json, or demo-cnn.onnx.
    expect(await listTree(dir.at('csv-tfjs'))).toEqual(['del_auc_model-maps.csv', 'del_details_model-maps.csv', 'ins_auc_model-maps.csv', 'ins_details_model-maps.csv']);
    expect(await listTree(dir.at('csv-onnx'))).toEqual(['del_auc_demo-cnn-maps.csv', 'del_details_demo-cnn-maps.csv', 'ins_auc_demo-cnn-maps.csv', 'ins_details_demo-cnn-maps.csv']);
    const aucs = (stdout: string) => stdout.split('\n').filter((line) => /AUC/.test(line)).map((line) => Number(line.split(/\s+/).at(-1)));
    const [onnxAucs, tfjsAucs] = [aucs(onnx.stdout), aucs(tfjs.stdout)];
    expect(tfjsAucs).toHaveLength(2);
    tfjsAucs.forEach((auc, index) => expect(Math.abs(auc - onnxAucs[index]!)).toBeLessThan(2e-3));
  });
});
