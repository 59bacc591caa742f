import cliProgress from 'cli-progress';
import type { ProgressReporter } from './ProgressReporter.js';

/**
 * A progress bar on a terminal stream, or a silent reporter when the stream is not a terminal
 * (so that logs and pipes stay clean).
 *
 * @param stream - Where to draw; the CLI uses standard error.
 * @returns The reporter.
 */
export function createProgressReporter(stream: NodeJS.WritableStream & { isTTY?: boolean }): ProgressReporter {
  if (!stream.isTTY) {
    return { start: () => {}, update: () => {}, stop: () => {} };
  }
  let bar: cliProgress.SingleBar | undefined;
  return {
    start(label, total) {
      bar?.stop();
      bar = new cliProgress.SingleBar(
        {
          stream,
          format: `${label} [{bar}] {percentage}% | {value}/{total} passes | ETA {eta_formatted}`,
          clearOnComplete: true,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(Math.max(total, 1), 0);
    },
    update(done) {
      bar?.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
