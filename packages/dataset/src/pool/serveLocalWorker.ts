import { PolycamError } from '@polycam/core';
import type { JobRunner } from '../execute/JobRunner.js';
import type { FromWorkerMessage } from './FromWorkerMessage.js';
import type { ToWorkerMessage } from './ToWorkerMessage.js';

/**
 * The body of a worker process that {@link runLocalPool} forks: it runs the jobs the pool sends
 * over the IPC channel, one at a time, and answers each with its outcome. Told to stop, or
 * orphaned (the pool's process died, closing the channel), it cancels the job in hand, whose
 * files stay unwritten, releases the model and exits. It ignores SIGINT, which a terminal's
 * Ctrl-C sends to the whole process group: the pool decides when it stops.
 *
 * @param runner - Runs the jobs (see {@link createJobRunner}).
 */
export function serveLocalWorker(runner: JobRunner): void {
  const controller = new AbortController();
  let current: Promise<void> = Promise.resolve();
  let stopping = false;
  const send = (message: FromWorkerMessage): void => {
    if (process.connected) process.send?.(message);
  };
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    controller.abort();
    await current;
    await runner.close();
    if (process.connected) process.disconnect();
    process.exit(0);
  };
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => void stop());
  process.on('disconnect', () => void stop());
  process.on('message', (message: ToWorkerMessage) => {
    if (message.type === 'stop') {
      void stop();
      return;
    }
    const { data } = message;
    current = (async () => {
      try {
        send({ type: 'outcome', outcome: await runner.run(data, controller.signal) });
      } catch (error) {
        if (PolycamError.is(error, 'aborted') || controller.signal.aborted) send({ type: 'handed-back', key: data.job.key });
        else send({ type: 'outcome', outcome: { status: 'failed', key: data.job.key, failure: { kind: 'internal', reason: String(error), transient: false, configuration: false } } });
      }
    })();
  });
  send({ type: 'ready' });
}
