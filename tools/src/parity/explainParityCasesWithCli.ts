import { spawnSync } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Tensor } from '@polycam/core';
import { decodeNpz } from '@polycam/core/io';
import type { SegmentationParitySetup } from './SegmentationParitySetup.js';
import { targetRegionPixels } from './targetRegionPixels.js';

/** The CLI's entry, run as a user runs `polycam`. */
function polycam(root: string, folder: string, argv: readonly string[]): { code: number; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(root, 'packages', 'cli', 'bin', 'polycam.js'), ...argv], { cwd: folder, encoding: 'utf8' });
  return { code: run.status ?? 1, stdout: run.stdout, stderr: run.stderr };
}

/**
 * The options this checkout's `polycam explain` lists (`--target` is the CLI form of targets).
 *
 * @param root - The workspace root.
 * @param folder - Where to run it.
 * @returns Its `--help` text.
 */
export function explainHelp(root: string, folder: string): string {
  return polycam(root, folder, ['explain', '--help']).stdout;
}

/**
 * Explains every case with PCAM± through the command line, as a user would:
 * `polycam explain image.png --model M.onnx --target segmentation:C[:mask.png] --layers a,b,c
 * [--score identity] --npz F.npz --out DIR`, run in the working folder with relative paths. The
 * final map comes from the npz, the score and the region's size from the `--out` JSON summary.
 *
 * @param root - The workspace root.
 * @param folder - The working folder (models, image, mask).
 * @param setup - The cases.
 * @returns The arrays to compare, keyed `CASE|pcampm|final`, `CASE|score` and `CASE|region`.
 * @throws Error when a command fails or explains other layers than the brute force.
 */
export async function explainParityCasesWithCli(root: string, folder: string, setup: SegmentationParitySetup): Promise<Map<string, Tensor>> {
  const arrays = new Map<string, Tensor>();
  const out = join(folder, 'cli-out');
  const sizable = explainHelp(root, folder).includes('--input-size');
  for (const [name, parityCase] of Object.entries(setup.cases)) {
    await rm(out, { recursive: true, force: true });
    await mkdir(out);
    const target = `segmentation:${parityCase.classIndex}${parityCase.region === 'predicted' ? '' : `:${parityCase.region}.png`}`;
    const argv = [
      'explain', setup.image,
      '--model', parityCase.model,
      '--method', 'pcam±',
      '--target', target,
      '--layers', parityCase.auto ? 'auto' : parityCase.layers.join(','),
      ...(parityCase.score === 'softmax' ? [] : ['--score', parityCase.score]),
      ...(parityCase.dynamicSize && sizable ? ['--input-size', `${setup.imageSize.join(',')}`] : []),
      '--npz', join('cli-out', 'maps.npz'),
      '--out', 'cli-out',
    ];
    const run = polycam(root, folder, argv);
    if (parityCase.dynamicSize && !sizable) {
      // No way to give the size: the command runs at its default, which the brute force's maps cannot match.
      const size = run.code === 0 ? decodeNpz(new Uint8Array(await readFile(join(out, 'maps.npz')))).get(setup.image)?.shape.join('×') : undefined;
      process.stdout.write(
        `cli: ${name} skipped: polycam explain has no --input-size, so the dynamic-size model ran at its default size ` +
          `(${size === undefined ? `exit ${run.code}: ${run.stderr.trim()}` : `a ${size} map for the ${setup.imageSize.join('×')} image`})\n`,
      );
      continue;
    }
    if (run.code !== 0) throw new Error(`polycam ${argv.join(' ')} exited with ${run.code}: ${run.stderr.trim()}`);
    const maps = decodeNpz(new Uint8Array(await readFile(join(out, 'maps.npz'))));
    const map = maps.get(setup.image);
    if (map === undefined) throw new Error(`polycam's npz holds no map for ${setup.image}`);
    arrays.set(`${name}|pcampm|final`, map);
    const summary = JSON.parse(await readFile(join(out, `${setup.image.replace(/\.png$/, '')}-pcampm.json`), 'utf8')) as { score: number; target: string; layers: string[] };
    if (summary.layers.join() !== parityCase.layers.join()) throw new Error(`${name}: polycam explained layers ${summary.layers.join(', ')}, the brute force ${parityCase.layers.join(', ')}`);
    arrays.set(`${name}|score`, { shape: [1], data: Float32Array.of(summary.score) });
    arrays.set(`${name}|region`, { shape: [1], data: Float32Array.of(targetRegionPixels(summary.target)) });
    process.stderr.write(`  cli: ${name}: polycam ${argv.join(' ')} (${summary.target})\n`);
  }
  await rm(out, { recursive: true, force: true });
  return arrays;
}
