// The child process of benchMemory: `node memoryChild.js <model.onnx>` loads the model, computes
// one PCAM± map of a random image and prints its MemoryFigures as one JSON line. A fresh process
// per model, so that no model's peak resident memory counts in another's.
import { readFile } from 'node:fs/promises';
import { createPolycamContainer, resolveLayers, seededRandom, TOKENS } from '@polycam/core';
import { OnnxBackend } from '@polycam/backend-onnx';
import { polycamModule } from '@polycam/method-polycam';
import type { MemoryFigures } from './MemoryFigures.js';
import { randomImages } from './randomImages.js';

const peakRss = (): number => process.resourceUsage().maxRSS * 1024; // maxRSS is in kibibytes

const explainer = (await createPolycamContainer(polycamModule)).get(TOKENS.Explainer);
const backend = await OnnxBackend.load({ bytes: await readFile(process.argv[2]!) });
try {
  const { description } = backend;
  const baselineRssBytes = peakRss();
  const layers = resolveLayers(description, 'auto').map((name) => description.layers.find((layer) => layer.name === name)!.shape);
  const input = randomImages(1, description.input.shape, seededRandom(5));
  const explained = await explainer.explain({ backend, input, method: 'pcam±' });
  const figures: MemoryFigures = {
    layers: layers.length,
    channels: layers.reduce((sum, shape) => sum + shape[0]!, 0),
    activationBytes: layers.reduce((sum, shape) => sum + shape.reduce((product, axis) => product * axis, 4), 0),
    passesRun: explained.passes.run,
    baselineRssBytes,
    peakRssBytes: peakRss(),
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} finally {
  await backend.dispose();
}
