import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeModelBackendConformance } from '@polycam/core/testing';
import { afterAll } from 'vitest';
import { buildTfjsLayersCnn, writeTfjsGraphModel } from '@polycam/backend-tfjs/testing';
import { TfjsBackend } from './TfjsBackend.js';

// The shared backend suite on every kind of TF.js model the backend must handle: a sequential
// LayersModel, one with a residual (skip) connection, one with a fixed batch of 2 (the suite's
// batches of 1 and 3 are split and padded), and a GraphModel; on WASM and on the CPU backend.

const folder = await mkdtemp(join(tmpdir(), 'polycam-tfjs-conformance-'));
const layersModel = await buildTfjsLayersCnn(join(folder, 'layers'));
const residualModel = await buildTfjsLayersCnn(join(folder, 'residual'), { residual: true, seed: 2 });
const fixedBatchModel = await buildTfjsLayersCnn(join(folder, 'fixed'), { fixedBatchSize: 2, seed: 3 });
const graphModel = await writeTfjsGraphModel(join(folder, 'graph'));
afterAll(() => rm(folder, { recursive: true, force: true }));

describeModelBackendConformance('tfjs, LayersModel on wasm', () => TfjsBackend.load({ path: layersModel }, { platform: 'wasm' }));
describeModelBackendConformance('tfjs, LayersModel with a skip connection', () => TfjsBackend.load({ path: residualModel }));
describeModelBackendConformance('tfjs, LayersModel with a fixed batch of 2', () => TfjsBackend.load({ path: fixedBatchModel }));
describeModelBackendConformance('tfjs, GraphModel on wasm', () => TfjsBackend.load({ path: graphModel }, { platform: 'wasm' }));
describeModelBackendConformance('tfjs, GraphModel on the cpu backend', () => TfjsBackend.load({ path: graphModel }, { platform: 'cpu' }));
