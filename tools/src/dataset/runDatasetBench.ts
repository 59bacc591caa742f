import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { obliterateQueue } from '@polycam/dataset';
import { bundledDemoModel } from '@polycam/synthetic';
import { formatTable } from '@polycam/cli';
import { linkImages } from './linkImages.js';
import { queueRoundTrip } from './queueRoundTrip.js';
import { soakWorker } from './soakWorker.js';
import { timeCommand } from './timeCommand.js';

/**
 * `npm run bench:dataset`: images per second of `polycam dataset explain` with 1, 2 and 4 local
 * workers and through Redis with 2 workers, against one `polycam explain` process on the same
 * images, measured side by side in one run (each a whole command, start-up included, into a
 * fresh output folder), with each one's ratio to `explain`, and the queue's own round trip per
 * job (no-op jobs through one worker);
 * then a memory soak: one worker's RSS after 1, 50 and 500 jobs. Options: `--images N` (44:
 * the 11 demo images in turn, hard-linked), `--method ID` (pcam+), `--soak N` (500; 0 skips
 * it), `--redis URL` (REDIS_URL or redis://127.0.0.1:6379; `--no-redis` skips that row).
 *
 * @param argv - The options.
 * @returns When the tables are printed.
 */
export async function runDatasetBench(argv: readonly string[]): Promise<void> {
  const option = (name: string, fallback: string): string => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1]! : fallback;
  };
  const count = Number(option('--images', '44'));
  const method = option('--method', 'pcam+');
  const soak = Number(option('--soak', '500'));
  const redis = argv.includes('--no-redis') ? undefined : option('--redis', process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const cores = availableParallelism();
  const demo = bundledDemoModel();
  const sources = (await readdir(join(demo.imagesFolder, 'test'))).filter((name) => !name.includes('mask')).sort().map((name) => join(demo.imagesFolder, 'test', name));
  const dir = await mkdtemp(join(tmpdir(), 'polycam-bench-dataset-'));
  try {
    const input = join(dir, 'images');
    const files = await linkImages(input, sources, count);
    process.stderr.write(`${count} images, ${method}, ${cores} cores\n`);
    const rows: { label: string; ms: number }[] = [];
    const time = async (label: string, args: readonly string[]): Promise<void> => {
      process.stderr.write(`  ${label}...\n`);
      rows.push({ label, ms: (await timeCommand(args)).ms });
    };
    await time(`polycam explain (one process, ${cores} threads)`, ['explain', ...files, '--method', method, '--npz', join(dir, 'explain.npz')]);
    for (const workers of [1, 2, 4]) {
      const threads = Math.max(1, Math.floor(cores / workers));
      await time(`dataset explain, ${workers} local worker${workers === 1 ? '' : 's'} × ${threads} thread${threads === 1 ? '' : 's'}`, [
        'dataset', 'explain', input, '--out', join(dir, `out-${workers}`), '--workers', String(workers), '--method', method,
      ]);
    }
    if (redis !== undefined) {
      const queue = `polycam-bench-${process.pid}`;
      try {
        await time('dataset explain --redis, 2 workers', ['dataset', 'explain', input, '--out', join(dir, 'out-redis'), '--redis', redis, '--queue', queue, '--workers', '2', '--method', method]);
      } finally {
        await obliterateQueue(redis, queue);
      }
    }
    const base = rows[0]!.ms;
    process.stdout.write(
      formatTable(
        ['run', 's', 'images/s', 'speed-up vs explain'],
        rows.map(({ label, ms }) => [label, (ms / 1000).toFixed(1), (count / (ms / 1000)).toFixed(2), (base / ms).toFixed(2)]),
      ),
    );
    const local2 = rows.find((row) => row.label.startsWith('dataset explain, 2 local'))!;
    const queued = rows.find((row) => row.label.includes('--redis'));
    if (queued !== undefined) process.stdout.write(`Redis with 2 workers against 2 local workers: ${((queued.ms - local2.ms) / count).toFixed(1)} ms more per job\n`);
    if (redis !== undefined) process.stdout.write(`the queue's own round trip (enqueue, take, lock, complete, seen done), no-op jobs: ${(await queueRoundTrip(redis, 200)).toFixed(2)} ms per job\n`);

    if (soak > 0) {
      const soakInput = join(dir, 'soak');
      await linkImages(soakInput, sources, soak + 2);
      process.stderr.write(`memory soak: ${soak + 2} jobs of ${method} on the last layer in one worker...\n`);
      const marks = [1, 50, soak];
      const { rss, pids } = await soakWorker(soakInput, join(dir, 'soak-out'), ['--method', method, '--layers', 'last'], marks);
      process.stdout.write(
        formatTable(
          ['jobs done', 'worker RSS (MiB)', 'ratio to 50 jobs'],
          marks.map((mark, index) => [String(mark), rss[index]!.toFixed(1), (rss[index]! / rss[1]!).toFixed(3)]),
        ),
      );
      process.stdout.write(`(${pids} worker process${pids === 1 ? '' : 'es'} over the whole soak)\n`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
