import { PolycamError } from '@polycam/core';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
// tfjs-layers registers every kernel's gradient with tfjs-core when it loads.
import '@tensorflow/tfjs-layers';
import { bridgeMissingWasmKernels } from './bridgeMissingWasmKernels.js';
import { tfBackendName } from './tfBackendName.js';
import type { TfjsPlatform } from './TfjsPlatform.js';

/** The npm package that provides each optional native platform. */
const NATIVE_PACKAGES = { node: '@tensorflow/tfjs-node', 'node-gpu': '@tensorflow/tfjs-node-gpu' } as const;

let wasmThreadsSet = false;

async function loadNative(platform: 'node' | 'node-gpu'): Promise<boolean> {
  const specifier: string = NATIVE_PACKAGES[platform];
  try {
    await import(specifier);
    return true;
  } catch {
    return false;
  }
}

async function start(platform: TfjsPlatform): Promise<boolean> {
  try {
    if (platform === 'wasm') bridgeMissingWasmKernels();
    return await tf.setBackend(tfBackendName(platform));
  } catch {
    return false;
  }
}

/**
 * Makes a TF.js platform the active one, loading the optional native package it needs. With no
 * platform asked for, it picks the first that works of `node-gpu`, `node` (when the user has
 * installed them), `wasm` and `cpu`.
 *
 * TF.js has one active backend per process; every {@link TfjsBackend} calls this before it
 * computes, so backends on different platforms can share a process. It also sets TF.js's `PROD`
 * flag, which turns off its debug checks and its console advice to install tfjs-node.
 *
 * @param requested - The platform to use, or undefined to choose automatically.
 * @param threads - Threads for the WASM platform; honoured only before WASM first starts.
 * @returns The platform now active.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `unsupported-capability` when the requested platform's package is
 *   not installed or its runtime cannot start.
 */
export async function activatePlatform(requested: TfjsPlatform | undefined, threads?: number): Promise<TfjsPlatform> {
  // Production mode: no debug checks, and no console advice to install tfjs-node.
  tf.env().set('PROD', true);
  if (threads !== undefined && !wasmThreadsSet) {
    setThreadsCount(threads);
    wasmThreadsSet = true;
  }
  if (requested === undefined) {
    for (const platform of ['node-gpu', 'node'] as const) {
      if ((await loadNative(platform)) && (await start(platform))) return platform;
    }
    if (await start('wasm')) return 'wasm';
    if (await start('cpu')) return 'cpu';
    throw new PolycamError('unsupported-capability', 'no TF.js platform could start (tried wasm and cpu)');
  }
  if (requested === 'node' || requested === 'node-gpu') {
    if (!(await loadNative(requested))) {
      const name = NATIVE_PACKAGES[requested];
      throw new PolycamError(
        'unsupported-capability',
        `TF.js platform '${requested}' needs ${name}, which is not installed (npm install ${name}@4.22.0)`,
      );
    }
  }
  if (!(await start(requested))) {
    throw new PolycamError('unsupported-capability', `TF.js platform '${requested}' could not start`);
  }
  return requested;
}
