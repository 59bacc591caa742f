import { readFile, writeFile } from 'node:fs/promises';
import { buildTinyDetector } from '@polycam/backend-onnx/builders';
import { decodeNpz } from '@polycam/core/io';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOneLineRefusal, listTree, makeTempDir, runCli, writePng, type TempDir } from '../cli.testkit.js';

// `polycam explain --target detection:CLASS:x1,y1,x2,y2[:IOU]` on the tiny detector the specs
// build ([N, 5, 4 + 3] rows, fixed boxes, 32×32 input): the map and its JSON for the class the
// box predicts (the others scoring 0), and a bad box string refused in one line.

const LAYERS = '/backbone/relu/Relu_output_0,/backbone/pool/MaxPool_output_0';
/** Overlaps the detector's centred box (8, 8, 24, 24) with IoU 240 / 271. */
const BOX = '9,8,24,25';

let dir: TempDir;
let model: string;
let image: string;

beforeAll(async () => {
  dir = await makeTempDir('polycam-explain-detection-');
  model = dir.at('det.onnx');
  await writeFile(model, buildTinyDetector({ seed: 5 }));
  image = await writePng(dir.at('img.png'), 40, 32, 3, 4);
});
afterAll(() => dir?.remove());

describe('polycam explain --target detection', () => {
  it('writes the map and a JSON that records the target; only the class the box predicts scores, above its IoU plus a third', async () => {
    const scores: number[] = [];
    for (const classIndex of [0, 1, 2]) {
      const out = dir.at(`out-${classIndex}`);
      const npz = dir.at(`maps-${classIndex}.npz`);
      const result = await runCli(['explain', '--model', model, '--layers', LAYERS, '--target', `detection:${classIndex}:${BOX}`, image, '--out', out, '--npz', npz]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(await listTree(out)).toEqual(['img-pcampm.json', 'img-pcampm.png']);
      const summary = JSON.parse(await readFile(dir.at(`out-${classIndex}`, 'img-pcampm.json'), 'utf8')) as Record<string, unknown>;
      expect([summary['class'], summary['target'], summary['mapSize']]).toEqual([classIndex, `detection[${classIndex}] at (9, 8, 24, 25), IoU > 0.5`, [32, 32]]);
      expect(summary['layers']).toEqual(LAYERS.split(','));
      const png = await sharp(dir.at(`out-${classIndex}`, 'img-pcampm.png')).metadata();
      expect([png.width, png.height]).toEqual([40, 32]);
      const map = decodeNpz(await readFile(npz)).get('img.png')!;
      expect(map.shape).toEqual([32, 32]);
      const score = summary['score'] as number;
      scores.push(score);
      // Another class scores 0 unmasked but may win the box on a masked image, so only the predicted one's map is sure to be non-zero.
      if (score > 0) expect(map.data.some((value) => value > 0)).toBe(true);
    }
    expect(scores.filter((score) => score > 0)).toHaveLength(1);
    expect(Math.max(...scores)).toBeGreaterThan(240 / 271 + 1 / 3);
    expect(Math.max(...scores)).toBeLessThan(240 / 271 + 1);
  });

  it.each([
    ['9,8,24', /expected a box x1,y1,x2,y2, got '9,8,24'/],
    ['9,8,x,25', /expected a number for x2, got 'x'/],
    ['24,8,9,25', /box must be 4 finite numbers \(x1, y1, x2, y2\) with x1 < x2 and y1 < y2/],
    [`${BOX}:1.5`, /IoU threshold must be in \[0, 1\), got 1\.5/],
  ])('refuses the box %s in one line, exit 1, with no output file', async (box, pattern) => {
    const out = dir.at('refused');
    const result = await runCli(['explain', '--model', model, '--target', `detection:0:${box}`, image, '--out', out, '--npz', dir.at('refused.npz')]);
    await expectOneLineRefusal(result, pattern, { folder: dir.path, prefix: 'refused' });
  });
});
