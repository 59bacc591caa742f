import { fork, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { PolycamError, type PolycamErrorKind } from '@polycam/core';
import type { DatasetJobData } from '../job/DatasetJobData.js';
import type { JobFailure } from '../retry/JobFailure.js';
import type { LocalPoolOptions } from './LocalPoolOptions.js';
import type { PoolSummary } from './PoolSummary.js';
import type { FromWorkerMessage } from './FromWorkerMessage.js';
import type { ToWorkerMessage } from './ToWorkerMessage.js';

interface Slot {
  readonly child: ChildProcess;
  ready: boolean;
  job?: DatasetJobData;
  lastLine?: string;
}

/**
 * Runs jobs on one machine in a pool of worker processes (`child_process.fork` of
 * `workerModule`, each with its own model session), one job per worker at a time, and resolves
 * when every job has ended or the pool was stopped.
 *
 * - A transient failure ({@link transientErrorKinds}) is retried up to `maxAttempts` runs; a
 *   permanent one is final at once.
 * - A worker that dies mid-job (killed, crashed) is replaced, and its job goes back to the queue
 *   as a transient failure: nothing it half-wrote counts, since results are written atomically.
 * - A failure that concerns the whole configuration ({@link configurationErrorKinds}) stops the
 *   pool and rejects with that error, rather than failing every job in turn.
 * - Aborting `signal` tells every worker to stop: the jobs in hand are cancelled, leaving no
 *   file, and the summary says `cancelled`.
 * - Should this process die, the workers see their IPC channel close and stop too.
 *
 * @param options - The jobs, the worker count and module, retries, cancellation and callbacks.
 * @returns What was done and what failed.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} with a configuration error's
 *   kind, or `backend-failure` when worker processes keep dying before their first job.
 */
export function runLocalPool(options: LocalPoolOptions): Promise<PoolSummary> {
  const { workers, workerModule, workerArgs = [], maxAttempts = 3, signal, onOutcome, onWorkerLine } = options;
  const pending = [...options.jobs];
  const attemptsOf = new Map<string, number>();
  const done: string[] = [];
  const failed = new Map<string, JobFailure>();
  const slots = new Set<Slot>();
  let attempts = 0;
  let stopping = false;
  let fatal: Error | undefined;
  let deathsBeforeReady = 0;

  return new Promise<PoolSummary>((resolve, reject) => {
    const finishIfIdle = (): void => {
      if (slots.size > 0) return;
      signal?.removeEventListener('abort', onAbort);
      if (fatal !== undefined) reject(fatal);
      else resolve({ done, failed, cancelled: pending.length > 0 || signal?.aborted === true, attempts });
    };
    const stopAll = (): void => {
      stopping = true;
      for (const slot of slots) send(slot, { type: 'stop' });
      finishIfIdle();
    };
    const onAbort = (): void => stopAll();
    const send = (slot: Slot, message: ToWorkerMessage): void => {
      if (slot.child.connected) slot.child.send(message);
    };
    const fail = (data: DatasetJobData, failure: JobFailure): void => {
      const tries = attemptsOf.get(data.job.key) ?? 0;
      if (failure.transient && tries < maxAttempts) {
        pending.push(data);
        return;
      }
      failed.set(data.job.key, failure);
      onOutcome?.({ status: 'failed', key: data.job.key, failure });
    };
    const dispatch = (slot: Slot): void => {
      if (stopping || !slot.ready || slot.job !== undefined) return;
      const next = pending.shift();
      if (next === undefined) {
        if ([...slots].every((other) => other.job === undefined)) stopAll();
        return;
      }
      slot.job = next;
      attemptsOf.set(next.job.key, (attemptsOf.get(next.job.key) ?? 0) + 1);
      attempts += 1;
      send(slot, { type: 'job', data: next });
    };
    const spawn = (): void => {
      const child = fork(workerModule, [...workerArgs], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      const slot: Slot = { child, ready: false };
      slots.add(slot);
      if (child.stderr) {
        createInterface({ input: child.stderr }).on('line', (line) => {
          slot.lastLine = line;
          onWorkerLine?.(line);
        });
      }
      child.on('message', (message: FromWorkerMessage) => {
        if (message.type === 'ready') {
          slot.ready = true;
          deathsBeforeReady = 0;
        } else if (message.type === 'outcome' || message.type === 'handed-back') {
          const data = slot.job;
          slot.job = undefined;
          if (data !== undefined && message.type === 'handed-back') pending.unshift(data);
          else if (data !== undefined && message.type === 'outcome') {
            const { outcome } = message;
            if (outcome.status !== 'failed') {
              done.push(outcome.key);
              onOutcome?.(outcome);
            } else if (outcome.failure.configuration) {
              fatal ??= new PolycamError(outcome.failure.kind as PolycamErrorKind, outcome.failure.reason);
              pending.unshift(data);
              stopAll();
            } else fail(data, outcome.failure);
          }
        }
        dispatch(slot);
      });
      child.on('exit', (code, exitSignal) => {
        slots.delete(slot);
        const data = slot.job;
        if (!slot.ready) deathsBeforeReady += 1;
        if (data !== undefined) {
          const how = exitSignal ?? `exit status ${code}`;
          fail(data, { kind: 'worker-lost', reason: `the worker process ${child.pid} died (${how}) while explaining '${data.job.relativePath}'`, transient: true, configuration: false });
        }
        if (!stopping && deathsBeforeReady >= 3) {
          fatal ??= new PolycamError('backend-failure', `worker processes die before their first job${slot.lastLine ? `: ${slot.lastLine}` : ''}`);
          stopAll();
        }
        if (!stopping && (pending.length > 0 || [...slots].some((other) => other.job !== undefined))) {
          if (pending.length > 0) spawn();
        } else if (!stopping && pending.length === 0 && [...slots].every((other) => other.job === undefined)) stopAll();
        finishIfIdle();
      });
    };
    if (signal?.aborted) {
      resolve({ done, failed, cancelled: true, attempts });
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    if (pending.length === 0) {
      resolve({ done, failed, cancelled: false, attempts });
      return;
    }
    for (let index = 0; index < Math.min(workers, pending.length); index += 1) spawn();
  });
}
