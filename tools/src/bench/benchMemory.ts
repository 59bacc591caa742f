import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { MemoryFigures } from './MemoryFigures.js';

// The built child, from both tools/src/bench (specs) and tools/dist/bench (npm run bench).
const CHILD = fileURLToPath(new URL('../../dist/bench/memoryChild.js', import.meta.url));

/**
 * Measures the memory of one PCAM± map on a model in a fresh Node process (the built
 * `memoryChild.js`), so that no other model's peak counts in this one's.
 *
 * @param model - The `.onnx` model's bytes.
 * @returns The child's figures.
 */
export async function benchMemory(model: Uint8Array): Promise<MemoryFigures> {
  const folder = await mkdtemp(join(tmpdir(), 'polycam-membench-'));
  try {
    const path = join(folder, 'model.onnx');
    await writeFile(path, model);
    const { stdout } = await promisify(execFile)(process.execPath, [CHILD, path], { maxBuffer: 1 << 20 });
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as MemoryFigures;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
