import { readFile, writeFile } from 'node:fs/promises';
import { buildTinySegmenter } from '@polycam/backend-onnx/builders';
import { decodeNpz } from '@polycam/core/io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTree, makeTempDir, runCli, writePng, type TempDir } from '../cli.testkit.js';

// --input-size: a model exported with a dynamic height and width (torch.onnx.export with
// dynamic_axes on them, as segmentation models often are) runs at the size given, not at the
// 224×224 default, so that its map has the size the user's PyTorch code would give.

let dir: TempDir;
let model: string;
let image: string;

beforeAll(async () => {
  dir = await makeTempDir('polycam-input-size-');
  model = dir.at('dynamic.onnx');
  await writeFile(model, buildTinySegmenter({ size: 16, classes: 3, seed: 4, dynamicSize: true }));
  image = await writePng(dir.at('image.png'), 20, 24, 3, 7); // 20 wide, 24 high
});
afterAll(() => dir?.remove());

describe('polycam --input-size', () => {
  it('sets the input and output size that polycam layers reports, 224×224 without it', async () => {
    const plain = await runCli(['layers', '--model', model]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout.split('\n')[0]).toContain("input 'input' 3×224×224");
    const sized = await runCli(['layers', '--model', model, '--input-size', '24,20']);
    expect(sized.code, sized.stderr).toBe(0);
    expect(sized.stdout.split('\n')[0]).toContain("input 'input' 3×24×20");
    expect(sized.stdout.split('\n')[0]).toContain("output 'out' 3×24×20");
  });

  it('explains a segmentation region at that size: the map is H×W of --input-size', async () => {
    const shapes: number[][] = [];
    for (const size of [[], ['--input-size', '24,20'], ['--input-size', '12']]) {
      const npz = dir.at(`maps-${shapes.length}.npz`);
      // The image is its own mask: every pixel with a non-zero channel is in the region.
      const run = await runCli(['explain', image, '--model', model, '--target', `segmentation:1:${image}`, '--layers', 'auto', ...size, '--npz', npz]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      shapes.push([...decodeNpz(await readFile(npz)).get('image.png')!.shape]);
    }
    expect(shapes).toEqual([[224, 224], [24, 20], [12, 12]]);
  });

  it.each(['0,20', '24,20,3', 'wide'])("refuses --input-size '%s' in one line, writing nothing", async (value) => {
    const npz = dir.at('refused.npz');
    const run = await runCli(['explain', image, '--model', model, '--input-size', value, '--npz', npz]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^polycam: error: --input-size expects [^\n]*\n$/);
    expect(await listTree(dir.path)).not.toContain('refused.npz');
  });

  it('is refused on the tfjs backend, which has no such option, in one line', async () => {
    const run = await runCli(['layers', '--backend', 'tfjs', '--input-size', '24,20']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("polycam: error: --input-size applies to ONNX models (a dynamic height and width), not to the tfjs backend\n");
  });
});
