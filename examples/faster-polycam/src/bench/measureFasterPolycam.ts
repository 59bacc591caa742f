// Measures Faster Poly-CAM against PCAM± on the bundled demo model and images: forward passes,
// milliseconds per map, agreement of the maps (Pearson), energy inside the explained object,
// and the paper's insertion/deletion AUCs. Run: `npm run measure -w @polycam-examples/faster-polycam`
// (after `npm run build`); arguments: the `keep` values to try, such as `4 8 16 32`.
import { createPolycamContainer, loadModel, preprocessImage, TOKENS, type Explainer, type ExplainResult, type ModelBackend, type Tensor } from '@polycam/core';
import { onnxBackendModule } from '@polycam/backend-onnx';
import { polycamModule } from '@polycam/method-polycam';
import { deletion, energyInMask, insertion, pearsonCorrelation } from '@polycam/metrics';
import { bundledDemoModel } from '@polycam/synthetic';
import { createFasterPolycamModule } from '../container/createFasterPolycamModule.js';
import type { DemoScene } from './DemoScene.js';
import { loadDemoScenes } from './loadDemoScenes.js';

interface Row {
  passes: number;
  ms: number;
  pearson: number;
  energy: number;
  insertion: number;
  deletion: number;
}

async function explainerFor(keep: number | undefined): Promise<Explainer> {
  const modules = keep === undefined ? [] : [createFasterPolycamModule({ keep })];
  return (await createPolycamContainer(polycamModule, onnxBackendModule, ...modules)).get(TOKENS.Explainer);
}

async function measure(backend: ModelBackend, scene: DemoScene, input: Tensor, explainer: Explainer, method: string, reference: ExplainResult | undefined): Promise<{ row: Row; result: ExplainResult }> {
  const result = await explainer.explain({ backend, input, method });
  const saliency = result.map;
  // The object the reference map explains: the one of the predicted class, if any.
  const mask = scene.objects.find((object) => object.label === (reference ?? result).classIndex)?.mask;
  const classIndex = result.classIndex!;
  const row: Row = {
    passes: result.passes.run,
    ms: result.durationMs,
    pearson: reference === undefined ? 1 : pearsonCorrelation(reference.map.data, saliency.data),
    energy: mask === undefined ? Number.NaN : energyInMask(saliency, mask),
    insertion: (await insertion(backend, input, saliency, { classIndex })).auc,
    deletion: (await deletion(backend, input, saliency, { classIndex })).auc,
  };
  return { row, result };
}

const keeps = process.argv.slice(2).map(Number);
const { modelPath, metadata } = bundledDemoModel();
const backend = await loadModel(await createPolycamContainer(onnxBackendModule), { path: modelPath });
try {
  const [, height, width] = backend.description.input.shape;
  const explainers = new Map<string, Explainer>([['pcam±', await explainerFor(undefined)]]);
  for (const keep of keeps.length > 0 ? keeps : [4, 8, 16, 32]) explainers.set(`fpcam± keep ${keep}`, await explainerFor(keep));
  const rows = new Map<string, Row[]>([...explainers.keys()].map((name) => [name, []]));
  const scenes = await loadDemoScenes();
  for (const scene of scenes) {
    const input = preprocessImage(scene.image, { height, width, mean: metadata.mean, std: metadata.std });
    await explainers.get('pcam±')!.explain({ backend, input }); // warm-up, untimed
    let reference: ExplainResult | undefined;
    for (const [name, explainer] of explainers) {
      const { row, result } = await measure(backend, scene, input, explainer, name.startsWith('pcam') ? 'pcam±' : 'fpcam±', reference);
      reference ??= result;
      rows.get(name)!.push(row);
    }
    process.stderr.write(`${scene.name} done\n`);
  }
  const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
  const base = rows.get('pcam±')!;
  process.stdout.write('| method | passes/map | ms/map | speed-up | Pearson vs PCAM± (min) | energy in object | insertion | deletion | ins−del |\n|---|---|---|---|---|---|---|---|---|\n');
  for (const [name, list] of rows) {
    const column = (key: keyof Row): number => mean(list.map((row) => row[key]));
    const minPearson = Math.min(...list.map((row) => row.pearson));
    process.stdout.write(
      `| ${name} | ${column('passes').toFixed(0)} | ${column('ms').toFixed(0)} | ${(mean(base.map((row) => row.ms)) / column('ms')).toFixed(2)}× | ${column('pearson').toFixed(3)} (${minPearson.toFixed(3)}) | ${mean(list.map((row) => row.energy).filter(Number.isFinite)).toFixed(3)} | ${column('insertion').toFixed(3)} | ${column('deletion').toFixed(3)} | ${(column('insertion') - column('deletion')).toFixed(3)} |\n`,
    );
  }
  process.stdout.write(`\n${scenes.length} demo images, ${backend.description.input.shape.join('×')} input, onnxruntime-node.\n`);
} finally {
  await backend.dispose();
}
