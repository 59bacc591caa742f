import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OnnxBackend } from '@polycam/backend-onnx';
import { readDatasetImage } from '@polycam/benchmark';
import { createPolycamContainer, resolveLayers, TOKENS } from '@polycam/core';
import { encodeNpz } from '@polycam/core/io';
import { polycamModule } from '@polycam/method-polycam';
import { workspaceRoot } from '../workspaceRoot.js';
import { explainHelp, explainParityCasesWithCli } from './explainParityCasesWithCli.js';
import { explainParityCases } from './explainParityCases.js';
import type { SegmentationParitySetup } from './SegmentationParitySetup.js';

function python(script: string, argv: readonly string[]): void {
  const executable = process.env.POLYCAM_PYTHON ?? '/usr/bin/python3';
  const run = spawnSync(executable, [script, ...argv], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`${executable} ${script} ${argv.join(' ')} exited with ${run.status ?? run.signal}; see its output above`);
}

/** What `--layers auto` picks on each model, and whether the explicit layers are tappable. */
async function describeModels(folder: string, setup: SegmentationParitySetup): Promise<void> {
  const models = new Map<string, { layers: string[]; dynamicSize: boolean }>();
  for (const { model, layers, dynamicSize } of Object.values(setup.cases)) {
    models.set(model, { layers: [...(models.get(model)?.layers ?? []), ...layers], dynamicSize });
  }
  for (const [file, { layers, dynamicSize }] of models) {
    const backend = await OnnxBackend.load({ path: join(folder, file) });
    try {
      const { description } = backend;
      const names = new Set(description.layers.map((layer) => layer.name));
      const missing = layers.filter((layer) => !names.has(layer));
      if (missing.length > 0) throw new Error(`${file}: polycam does not list the layers ${missing.join(', ')}`);
      const auto = resolveLayers(description, 'auto');
      const shapes = auto.map((name) => `${name} [${description.layers.find((layer) => layer.name === name)!.shape.join('×')}]`);
      process.stdout.write(
        `${file}: output ${description.output.name} [${description.output.shape.join('×')}], batch ${description.input.fixedBatchSize ?? 'dynamic'}` +
          `${dynamicSize ? ' (dynamic height and width, loaded without inputSize)' : ''}; ` +
          `--layers auto picks ${auto.length}: ${shapes.join(', ')}\n`,
      );
    } finally {
      await backend.dispose();
    }
  }
}

/**
 * `npm run parity:segmentation`: checks polycam's `segmentation` target against a brute-force
 * Poly-CAM written from the semantics in PyTorch (`tools/python/segmentation_parity.py`, run with
 * Debian's `/usr/bin/python3` or `POLYCAM_PYTHON`; a development-only tool). The Python side fits
 * and exports small encoder–decoder segmenters (dynamic batch, batch 1, and logits through
 * `F.interpolate`) into `data/segmentation-parity/` and computes the brute-force maps; this side
 * explains the same cases through the library (every method, every stage, CAM and weights; once
 * with masked images built inside ONNX Runtime, once built in JavaScript) and,
 * when this checkout's CLI has `--target`, through `polycam explain` (PCAM±, final map and
 * score); the Python side then prints the differences and fails above its tolerance.
 * `--reuse` keeps an existing preparation.
 *
 * @param argv - The options.
 * @returns When the comparison passed.
 * @throws Error when a step fails or the maps differ beyond the tolerance.
 */
export async function segmentationParity(argv: readonly string[]): Promise<void> {
  const root = workspaceRoot();
  const folder = join(root, 'data', 'segmentation-parity');
  const script = join(root, 'tools', 'python', 'segmentation_parity.py');
  if (!(argv.includes('--reuse') && existsSync(join(folder, 'cases.json')))) python(script, ['prepare', '--out', folder]);
  const setup = JSON.parse(await readFile(join(folder, 'cases.json'), 'utf8')) as SegmentationParitySetup;
  const image = await readDatasetImage(folder, setup.manifestItem);
  await describeModels(folder, setup);

  const explainer = (await createPolycamContainer(polycamModule)).get(TOKENS.Explainer);
  for (const [path, file] of [['masked-inputs', 'polycam-library-ort-masking.npz'], ['javascript', 'polycam-library-js-masking.npz']] as const) {
    await writeFile(join(folder, file), encodeNpz(await explainParityCases(explainer, folder, setup, image, path)));
  }
  const cliFile = join(folder, 'polycam-cli.npz');
  await rm(cliFile, { force: true });
  if (explainHelp(root, folder).includes('--target')) await writeFile(cliFile, encodeNpz(await explainParityCasesWithCli(root, folder, setup)));
  else process.stdout.write('this checkout\'s polycam explain has no --target: the command-line form is skipped\n');
  process.stdout.write('\n');
  python(script, ['compare', '--out', folder]);
}
