import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeNpy, decodeNpz } from '@polycam/core/io';
import { bundledDemoModel } from '@polycam/synthetic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../cli.testkit.js';
import { alive, HANG_GUARD_MS, readAttempts, runPolycam, startPolycam, waitUntil } from '../dataset/dataset.testkit.js';

// `polycam dataset explain` end to end, with its real worker processes (the compiled dist/),
// on the bundled demo model and images with PCAM+ (about 250 passes per map).

const demo = bundledDemoModel();
const manifest = join(demo.imagesFolder, 'manifest.json');

async function configFolder(out: string): Promise<string> {
  const folders = (await readdir(out)).filter((name) => name.startsWith('pcamp-'));
  expect(folders).toHaveLength(1);
  return join(out, folders[0]!);
}

async function index(out: string): Promise<{ key: string; image: string; status: string; map?: string; kind?: string; reason?: string }[]> {
  return (await readFile(join(out, 'index.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { key: string; image: string; status: string });
}

describe('polycam dataset explain', () => {
  let dir: TempDir;

  beforeAll(async () => {
    dir = await makeTempDir('polycam-dataset-');
  });
  afterAll(async () => {
    await dir?.remove();
  });

  it("gives, in 2 workers, the maps of 'polycam explain' bit for bit, and a re-run runs nothing again", async () => {
    const out = dir.at('manifest-run');
    const first = await runPolycam(['dataset', 'explain', manifest, '--out', out, '--workers', '2', '--method', 'pcam+']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('11 jobs: 11 done (0 were already complete), 0 failed, 0 pending');
    const entries = await index(out);
    expect(entries.map((entry) => entry.status)).toEqual(Array(11).fill('done'));

    const listed = JSON.parse(await readFile(manifest, 'utf8')) as { splits: { test: { file: string }[] } };
    const images = listed.splits.test.map((image) => join(demo.imagesFolder, image.file));
    const npz = dir.at('explain.npz');
    const single = await runPolycam(['explain', ...images, '--method', 'pcam+', '--npz', npz]);
    expect(single.code).toBe(0);
    const maps = decodeNpz(await readFile(npz));
    for (const entry of entries) {
      const map = decodeNpy(await readFile(join(out, entry.map!)));
      const expected = maps.get(entry.image.split('/').pop()!)!;
      expect(map.shape).toEqual(expected.shape);
      expect(Array.from(map.data)).toEqual(Array.from(expected.data));
    }

    const attempts = join(await configFolder(out), 'attempts.jsonl');
    expect((await readAttempts(attempts)).filter((line) => line.outcome === 'done')).toHaveLength(11);
    const again = await runPolycam(['dataset', 'explain', manifest, '--out', out, '--workers', '2', '--method', 'pcam+']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('11 jobs: 11 done (11 were already complete)');
    expect(await readAttempts(attempts)).toHaveLength(11);

    // A changed option is a different job, in another folder, not a skipped one.
    const other = await runPolycam(['dataset', 'explain', manifest, '--out', out, '--workers', '1', '--method', 'pcam+', '--layers', 'last']);
    expect(other.code).toBe(0);
    expect(other.stdout).toContain('11 jobs: 11 done (0 were already complete)');
  }, HANG_GUARD_MS);

  it('fails the corrupt image alone, with its reason in failures.txt, and exits 1', async () => {
    const input = dir.at('mixed');
    await mkdir(join(input, 'sub'), { recursive: true });
    await copyFile(join(demo.imagesFolder, 'test', 'single-00000.png'), join(input, 'a.png'));
    await copyFile(join(demo.imagesFolder, 'test', 'single-00001.png'), join(input, 'sub', 'a.png'));
    await writeFile(join(input, 'broken.png'), Buffer.from('\x89PNG\r\n\x1a\nthis is not a png'));
    const out = dir.at('mixed-out');
    const run = await runPolycam(['dataset', 'explain', input, '--out', out, '--workers', '2', '--method', 'pcam+']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^polycam: error: 1 of 3 jobs failed .*broken\.png/);
    const entries = await index(out);
    expect(entries.map((entry) => [entry.image, entry.status])).toEqual([
      ['a.png', 'done'],
      ['broken.png', 'failed'],
      ['sub/a.png', 'done'],
    ]);
    const failures = (await readFile(join(out, 'failures.txt'), 'utf8')).trim().split('\n');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^broken\.png\tinvalid-image\t.*not a readable image/);
    // Permanent: tried once, not retried.
    const attempts = await readAttempts(join(await configFolder(out), 'attempts.jsonl'));
    expect(attempts.filter((line) => line.outcome === 'failed')).toHaveLength(1);
  }, HANG_GUARD_MS);

  it('loses no job and runs none twice when a worker, then the command itself, are killed with SIGKILL mid-run', async () => {
    const out = dir.at('killed');
    const args = ['dataset', 'explain', demo.imagesFolder, '--out', out, '--workers', '2', '--method', 'pcam+'];
    const first = startPolycam(args);
    let attemptsPath = '';
    const done = async (): Promise<number> => {
      if (attemptsPath === '') {
        const folder = (await readdir(out).catch(() => [])).find((name) => name.startsWith('pcamp-'));
        if (folder === undefined) return 0;
        attemptsPath = join(out, folder, 'attempts.jsonl');
      }
      return (await readAttempts(attemptsPath)).filter((line) => line.outcome === 'done').length;
    };
    await waitUntil(async () => (await done()) >= 3, 'three jobs done');
    const victim = (await readAttempts(attemptsPath))[0]!.pid;
    process.kill(victim, 'SIGKILL');
    await waitUntil(async () => (await done()) >= 10, 'ten jobs done');
    const workers = new Set((await readAttempts(attemptsPath)).map((line) => line.pid));
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    // Orphaned, the workers cancel their job and exit.
    await waitUntil(() => [...workers].every((pid) => !alive(pid)), 'the orphaned workers to exit');
    const beforeResume = await done();
    expect(beforeResume).toBeLessThan(25);

    const second = startPolycam(args);
    const resumed = await second.exited;
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain(`25 jobs: 25 done (${beforeResume} were already complete)`);
    const entries = await index(out);
    expect(entries).toHaveLength(25);
    expect(entries.every((entry) => entry.status === 'done')).toBe(true);
    // Every job ran to the end at most once; one that ended before its worker died was found
    // complete by the next worker rather than run again.
    const attempts = await readAttempts(attemptsPath);
    for (const { key } of entries) {
      const mine = attempts.filter((line) => line.key === key);
      expect(mine.filter((line) => line.outcome === 'done').length, key).toBeLessThanOrEqual(1);
      expect(mine.length, key).toBeGreaterThanOrEqual(1);
    }
    // No partial result: every file belongs to a complete job, and no temporary file is left.
    const files = await readdir(join(attemptsPath, '..'), { recursive: true, withFileTypes: true });
    const names = files.filter((entry) => entry.isFile()).map((entry) => entry.name);
    expect(names.filter((name) => name.endsWith('.npy'))).toHaveLength(25);
    expect(names.filter((name) => name.endsWith('.png.json'))).toHaveLength(25);
    expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, HANG_GUARD_MS);
  it('stops cleanly on Ctrl-C (SIGINT): exit 130, one line, only complete results left, and a re-run resumes', async () => {
    const out = dir.at('interrupted');
    const args = ['dataset', 'explain', manifest, '--out', out, '--workers', '2', '--method', 'pcam+'];
    const run = startPolycam(args);
    await waitUntil(async () => {
      const folder = (await readdir(out).catch(() => [])).find((name) => name.startsWith('pcamp-'));
      return folder !== undefined && (await readAttempts(join(out, folder, 'attempts.jsonl'))).length >= 2;
    }, 'two jobs done');
    run.child.kill('SIGINT');
    const stopped = await run.exited;
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/^polycam: cancelled: stopped with \d+ of 11 jobs done; run the same command again to resume\n$/);
    const folder = await configFolder(out);
    const files = await readdir(folder, { recursive: true });
    const done = (await index(out)).filter((entry) => entry.status === 'done').length;
    expect(files.filter((name) => name.endsWith('.npy'))).toHaveLength(done);
    expect(files.filter((name) => name.endsWith('.png.json'))).toHaveLength(done);
    expect(files.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const resumed = await runPolycam(args);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`11 jobs: 11 done (${done} were already complete)`);
  }, HANG_GUARD_MS);
  it("scores each map with --metrics and writes the CSV files that 'polycam evaluate' writes for the same maps", async () => {
    const input = dir.at('scored');
    await mkdir(input, { recursive: true });
    const names = ['single-00002.png', 'single-00003.png', 'pair-00000.png'];
    for (const name of names) await copyFile(join(demo.imagesFolder, 'test', name), join(input, name));
    const out = dir.at('scored-out');
    const run = await runPolycam(['dataset', 'explain', input, '--out', out, '--workers', '2', '--method', 'pcam+', '--metrics', 'insertion,deletion', '--steps', '16']);
    expect(run.code, run.stderr).toBe(0);
    const npz = dir.at('scored.npz');
    const images = names.map((name) => join(input, name)).sort();
    expect((await runPolycam(['explain', ...images, '--method', 'pcam+', '--npz', npz])).code).toBe(0);
    const csv = dir.at('scored-csv');
    const evaluated = await runPolycam(['evaluate', ...images, '--saliency-npz', npz, '--steps', '16', '--saliency-name', 'pcamp', '--csv-dir', csv]);
    expect(evaluated.code, evaluated.stderr).toBe(0);
    for (const file of ['ins_auc_demo-cnn-pcamp.csv', 'ins_details_demo-cnn-pcamp.csv', 'del_auc_demo-cnn-pcamp.csv', 'del_details_demo-cnn-pcamp.csv']) {
      expect(await readFile(join(out, file), 'utf8'), file).toBe(await readFile(join(csv, file), 'utf8'));
    }
    expect(run.stdout).toContain('insertion AUC');
  }, HANG_GUARD_MS);
});
