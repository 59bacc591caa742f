import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeNpy, decodeNpz } from '@polycam/core/io';
import { connectRedis, obliterateQueue } from '@polycam/dataset';
import { bundledDemoModel } from '@polycam/synthetic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../cli.testkit.js';
import { HANG_GUARD_MS, readAttempts, runPolycam, startPolycam, waitUntil, type Running } from '../dataset/dataset.testkit.js';

// Datasets through BullMQ on a real Redis (REDIS_URL, default redis://127.0.0.1:6379; the tests
// fail, loudly, when it does not answer), with real `polycam worker` processes. Each test has a
// queue of its own, obliterated afterwards. PCAM+ on the demo model's last layer keeps jobs cheap.

const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const demo = bundledDemoModel();
const METHOD = ['--method', 'pcam+', '--layers', 'last'];

async function entries(out: string): Promise<{ key: string; image: string; status: string; map?: string }[]> {
  return (await readFile(join(out, 'index.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { key: string; image: string; status: string });
}

describe('datasets through a BullMQ queue on Redis', () => {
  let dir: TempDir;
  const queues: string[] = [];
  const queue = (label: string): string => {
    const name = `polycam-test-${label}-${process.pid}-${Date.now()}`;
    queues.push(name);
    return name;
  };

  beforeAll(async () => {
    const probe = await connectRedis(REDIS); // throws "cannot reach Redis at ..." when it is absent
    await probe.quit();
    dir = await makeTempDir('polycam-queue-');
  });
  afterAll(async () => {
    for (const name of queues) await obliterateQueue(REDIS, name);
    await dir?.remove();
  });

  it('runs 51 jobs in 3 workers, one killed with SIGKILL mid-run: each ends once, maps equal explain, the corrupt image fails with its reason', async () => {
    const input = dir.at('many');
    await cp(join(demo.imagesFolder, 'test'), join(input, 'a'), { recursive: true });
    await cp(join(demo.imagesFolder, 'test'), join(input, 'b'), { recursive: true });
    await writeFile(join(input, 'broken.png'), 'not an image');
    const out = dir.at('many-out');
    const name = queue('kill');
    // A lock of 10 s, renewed every 5 s: the killed worker's job comes back within about 20 s,
    // and a live worker on a loaded machine never loses its lock between two renewals (a short
    // lock would let BullMQ hand a live job to a second worker, which this test counts as done twice).
    const workers: Running[] = [1, 2, 3].map(() => startPolycam(['worker', '--redis', REDIS, '--queue', name, '--threads', '1', '--stall-ms', '10000']));
    const enqueuer = startPolycam(['dataset', 'explain', input, '--out', out, '--redis', REDIS, '--queue', name, '--workers', '0', ...METHOD]);
    let attempts = '';
    await waitUntil(async () => {
      const folder = (await readdir(out).catch(() => [])).find((entry) => entry.startsWith('pcamp-'));
      if (folder === undefined) return false;
      attempts = join(out, folder, 'attempts.jsonl');
      return (await readAttempts(attempts)).filter((line) => line.outcome === 'done').length >= 6;
    }, 'six jobs done');
    const lines = await readAttempts(attempts);
    const victim = workers.find((worker) => worker.child.pid === lines[lines.length - 1]!.pid)!;
    victim.child.kill('SIGKILL');
    const ended = await enqueuer.exited;
    expect(ended.code, ended.stderr).toBe(1);
    expect(ended.stdout).toContain('51 jobs: 50 done (0 were already complete), 1 failed, 0 pending');
    expect(ended.stderr).toMatch(/^polycam: error: 1 of 51 jobs failed .*broken\.png/);
    expect(await readFile(join(out, 'failures.txt'), 'utf8')).toMatch(/^broken\.png\tinvalid-image\t.*not a readable image.*\n$/);

    const index = await entries(out);
    const good = index.filter((entry) => entry.image !== 'broken.png');
    expect(good).toHaveLength(50);
    expect(good.every((entry) => entry.status === 'done')).toBe(true);
    const log = await readAttempts(attempts);
    for (const { key } of good) {
      const mine = log.filter((line) => line.key === key);
      expect(mine.filter((line) => line.outcome === 'done').length, key).toBeLessThanOrEqual(1);
      expect(mine.filter((line) => line.outcome !== 'failed').length, key).toBeGreaterThanOrEqual(1);
    }

    const unique = (await readdir(join(demo.imagesFolder, 'test'))).sort().map((file) => join(demo.imagesFolder, 'test', file));
    const npz = dir.at('many.npz');
    expect((await runPolycam(['explain', ...unique, ...METHOD, '--npz', npz])).code).toBe(0);
    const maps = decodeNpz(await readFile(npz));
    for (const entry of good) {
      const map = decodeNpy(await readFile(join(out, entry.map!)));
      const expected = maps.get(entry.image.split('/').pop()!)!;
      let largest = 0;
      for (let index = 0; index < map.data.length; index += 1) largest = Math.max(largest, Math.abs(map.data[index]! - expected.data[index]!));
      expect(largest, entry.image).toBe(0); // bit for bit: the same model, method and runtime
    }

    const status = await runPolycam(['dataset', 'status', '--redis', REDIS, '--queue', name]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/completed {3}50\n/);
    expect(status.stdout).toMatch(/failed {6}1\n/);
    expect(status.stdout).toMatch(/broken\.png\t\[invalid-image\] .*not a readable image/);

    // SIGTERM: the two live workers finish what they hold (nothing now) and exit 0.
    const live = workers.filter((worker) => worker !== victim);
    for (const worker of live) worker.child.kill('SIGTERM');
    for (const worker of live) expect((await worker.exited).code).toBe(0);
    expect((await victim.exited).signal).toBe('SIGKILL');
  }, HANG_GUARD_MS);

  it('runs its own local workers with --workers N, and a re-run enqueues nothing', async () => {
    const input = dir.at('few');
    await cp(join(demo.imagesFolder, 'test'), input, { recursive: true, filter: (source) => !/(0[2-9]|1\d)(-mask\d)?\.png$/.test(source) });
    const files = await readdir(input);
    const out = dir.at('few-out');
    const name = queue('local');
    const args = ['dataset', 'explain', input, '--out', out, '--redis', REDIS, '--queue', name, '--workers', '2', ...METHOD];
    const first = await runPolycam(args);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`${files.length} jobs: ${files.length} done (0 were already complete)`);
    const again = await runPolycam(args);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`${files.length} jobs: ${files.length} done (${files.length} were already complete)`);
  }, HANG_GUARD_MS);

  it('says in one line which Redis could not be reached, and exits 1', async () => {
    const url = 'redis://127.0.0.1:1';
    for (const args of [
      ['worker', '--redis', url],
      ['dataset', 'status', '--redis', url],
      ['dataset', 'explain', join(demo.imagesFolder, 'manifest.json'), '--out', dir.at('never'), '--redis', url, '--workers', '0'],
    ]) {
      const run = await runPolycam(args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).toMatch(/^polycam: error: cannot reach Redis at redis:\/\/127\.0\.0\.1:1: connect ECONNREFUSED 127\.0\.0\.1:1\n$/);
    }
    expect(await readdir(dir.path)).not.toContain('never');
  }, HANG_GUARD_MS);
});
