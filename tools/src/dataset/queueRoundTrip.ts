import { createJobs, enqueueJobs, obliterateQueue, startQueueWorker, waitForQueuedJobs } from '@polycam/dataset';

/**
 * The queue's own cost per job: enqueues `count` jobs, has one `startQueueWorker` (concurrency
 * 1) take each, run a no-op in place of the explanation, and complete it, and times the whole
 * from the first enqueue to the last completion seen by `waitForQueuedJobs`.
 *
 * @param url - The Redis URL.
 * @param count - How many jobs.
 * @returns Milliseconds per job.
 */
export async function queueRoundTrip(url: string, count: number): Promise<number> {
  const name = `polycam-bench-roundtrip-${process.pid}`;
  const images = Array.from({ length: count }, (_, index) => ({ relativePath: `image-${index}.png`, path: `/nowhere/image-${index}.png` }));
  const jobs = createJobs(images, { method: 'pcam+', options: {}, model: '/nowhere/model.onnx', modelHash: '0' }, '/nowhere/out', { overlay: false });
  const worker = await startQueueWorker({ url, name, runner: { run: async (data) => ({ status: 'complete', key: data.job.key }), close: async () => {} } });
  try {
    const start = performance.now();
    const ids = await enqueueJobs(url, name, jobs, 1);
    await waitForQueuedJobs(url, name, ids, { intervalMs: 5 });
    return (performance.now() - start) / count;
  } finally {
    await worker.stop();
    await obliterateQueue(url, name);
  }
}
