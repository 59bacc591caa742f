import cliProgress from 'cli-progress';
import type { DatasetProgress } from './DatasetProgress.js';

/**
 * The dataset run's progress bar on a terminal stream (silent otherwise): `done/total jobs`,
 * the failed count, the rate of jobs finished in this run per second, and the ETA.
 *
 * @param stream - Where to draw; the CLI uses standard error.
 * @param total - The run's job count.
 * @param already - Jobs already complete when the run started (they do not count in the rate).
 * @returns The bar.
 */
export function createDatasetProgress(stream: NodeJS.WritableStream & { isTTY?: boolean }, total: number, already: number): DatasetProgress {
  if (!stream.isTTY) return { update: () => {}, stop: () => {} };
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'dataset [{bar}] {value}/{total} jobs | {failed} failed | {rate} jobs/s | ETA {eta_formatted}',
      clearOnComplete: true,
      hideCursor: true,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(total, 1), already, { failed: 0, rate: '0.00' });
  return {
    update(done, failed) {
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0 ? (done + failed - already) / seconds : 0;
      bar.update(done + failed, { failed, rate: rate.toFixed(2) });
    },
    stop() {
      bar.stop();
    },
  };
}
