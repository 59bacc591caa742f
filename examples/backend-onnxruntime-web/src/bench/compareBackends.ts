// Compares this backend with @polycam/backend-onnx on the bundled demo model and its eleven
// demo images (redrawn from their seeds): the PCAM± maps' Pearson correlation and the time per
// map. Run: `npm run compare -w @polycam-examples/backend-onnxruntime-web` (after `npm run build`).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createPolycamContainer, loadModel, preprocessImage, TOKENS, type ModelBackend } from '@polycam/core';
import { onnxBackendModule } from '@polycam/backend-onnx';
import { polycamModule } from '@polycam/method-polycam';
import { pearsonCorrelation } from '@polycam/metrics';
import { bundledDemoModel, generateScene, type DatasetManifest } from '@polycam/synthetic';
import { ortWebBackendModule } from '../container/ortWebBackendModule.js';

const threads = Number(process.argv[2] ?? 1);
const { modelPath, imagesFolder, metadata } = bundledDemoModel();
const container = await createPolycamContainer(polycamModule, onnxBackendModule, ortWebBackendModule);
const explainer = container.get(TOKENS.Explainer);
const backends: Record<string, ModelBackend> = {
  'onnxruntime-web': await loadModel(container, { path: modelPath }, { backend: 'onnxruntime-web', threads }),
  onnx: await loadModel(container, { path: modelPath }, { backend: 'onnx', threads }),
};
try {
  const manifest = JSON.parse(await readFile(join(imagesFolder, 'manifest.json'), 'utf8')) as DatasetManifest;
  const ms: Record<string, number[]> = { 'onnxruntime-web': [], onnx: [] };
  const correlations: number[] = [];
  for (const item of manifest.splits.test) {
    const scene = generateScene({ seed: item.seed, size: manifest.size, labels: item.objects.map((object) => object.label) });
    const input = preprocessImage(scene.image, { height: manifest.size, width: manifest.size, mean: metadata.mean, std: metadata.std });
    const maps = [];
    for (const [id, backend] of Object.entries(backends)) {
      await explainer.explain({ backend, input }); // warm-up
      const result = await explainer.explain({ backend, input });
      ms[id]!.push(result.durationMs);
      maps.push(result.map.data);
    }
    correlations.push(pearsonCorrelation(maps[0]!, maps[1]!));
  }
  const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
  process.stdout.write(`PCAM± on ${correlations.length} demo images, ${threads} thread(s)\n`);
  process.stdout.write(`Pearson r (web vs node): min ${Math.min(...correlations).toFixed(9)}, largest 1 − r ${(1 - Math.min(...correlations)).toExponential(1)}\n`);
  for (const [id, values] of Object.entries(ms)) process.stdout.write(`${id}: ${mean(values).toFixed(0)} ms per map\n`);
} finally {
  await Promise.all(Object.values(backends).map((backend) => backend.dispose()));
}
