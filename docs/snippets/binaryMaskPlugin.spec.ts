import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '@polycam/cli';
import { decodeNpz } from '@polycam/core/io';
import { bundledDemoModel } from '@polycam/synthetic';
import { readFile, readdir } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';

class Collector extends Writable {
  public text = '';
  public override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

describe('the strategy guide, run from the command line', () => {
  it('explains a demo image with --plugin and --method binary-pcam, and lists the preset in polycam methods', async () => {
    const plugin = fileURLToPath(new URL('./binaryMaskPlugin.ts', import.meta.url));
    const folder = await mkdtemp(join(tmpdir(), 'polycam-guide-plugin-'));
    try {
      const images = join(bundledDemoModel().imagesFolder, 'test');
      const image = join(images, (await readdir(images)).find((name) => name.startsWith('single') && !name.includes('mask'))!);
      const [stdout, stderr] = [new Collector(), new Collector()];
      const code = await main(['explain', image, '--plugin', plugin, '--method', 'binary-pcam', '--npz', join(folder, 'maps.npz')], { stdout, stderr });
      expect(stderr.text).toBe('');
      expect(code).toBe(0);
      const maps = decodeNpz(new Uint8Array(await readFile(join(folder, 'maps.npz'))));
      expect([...maps.values()][0]!.shape).toEqual([128, 128]);
      const listed = new Collector();
      expect(await main(['methods', '--plugin', plugin], { stdout: listed, stderr })).toBe(0);
      expect(listed.text).toContain('binary-pcam');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
