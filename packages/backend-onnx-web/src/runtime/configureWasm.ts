import { PolycamError } from '@polycam/core';
import * as ort from 'onnxruntime-web';

/** The thread count the WASM runtime was started with, once a first model is loaded. */
let started: number | undefined;

/**
 * Sets onnxruntime-web's WASM thread count before its first session, and checks later loads
 * against it: the runtime reads `env.wasm.numThreads` once, when it starts, for the whole
 * process (or page). The default is half the logical cores, between 1 and 4, which is 1 on a
 * 2-core machine: with a second worker thread the pool's hand-offs cost about what they save on
 * models this small, and the test runner already uses the other core.
 *
 * @param threads - The wanted thread count, or undefined for the default (or for whatever a
 *   previous load started with).
 * @returns The thread count in use.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-argument` for a non-positive or fractional count, or one
 *   that differs from the count the runtime already started with.
 */
export function configureWasm(threads: number | undefined): number {
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) {
    throw new PolycamError('invalid-argument', `threads must be a positive integer, got ${threads}`);
  }
  if (started === undefined) {
    const cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 2;
    started = threads ?? Math.min(4, Math.max(1, Math.floor(cores / 2)));
    ort.env.wasm.numThreads = started;
  } else if (threads !== undefined && threads !== started) {
    throw new PolycamError('invalid-argument', `onnxruntime-web already runs with ${started} thread(s) in this process; it cannot switch to ${threads}`);
  }
  return started;
}
