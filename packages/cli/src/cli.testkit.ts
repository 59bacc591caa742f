// Test helpers for the CLI's specs: captured streams, a runner for `main`, temporary folders,
// small models and images. Specs only; production code must not import this file.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Writable } from 'node:stream';
import { buildTinyCnn, OnnxGraphBuilder } from '@polycam/backend-onnx/builders';
import type { TinyCnnOptions } from '@polycam/backend-onnx/builders';
import sharp from 'sharp';
import { expect } from 'vitest';
import { main } from './main.js';

/** A writable stream that keeps what is written, optionally posing as a terminal. */
export class TextCollector extends Writable {
  public isTTY?: boolean;
  public columns?: number;
  readonly #chunks: string[] = [];

  public constructor(terminal?: { columns: number }) {
    super();
    if (terminal !== undefined) {
      this.isTTY = true;
      this.columns = terminal.columns;
    }
  }

  /** Everything written so far. */
  public get text(): string {
    return this.#chunks.join('');
  }

  public override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.#chunks.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
    callback();
  }
}

/** The outcome of one in-process `polycam` run. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `main` in process with captured streams.
 *
 * @param argv - The arguments after the program name.
 * @param options - A terminal-like stderr and a cancellation signal, if wanted.
 * @returns The exit code and what each stream received.
 */
export async function runCli(argv: readonly string[], options: { stderr?: TextCollector; signal?: AbortSignal } = {}): Promise<CliRun> {
  const stdout = new TextCollector();
  const stderr = options.stderr ?? new TextCollector();
  const code = await main(argv, { stdout, stderr, ...(options.signal ? { signal: options.signal } : {}) });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** A temporary folder, removed by `remove()`. */
export interface TempDir {
  readonly path: string;
  /** A path inside the folder. */
  at(...parts: string[]): string;
  remove(): Promise<void>;
}

/** Creates a fresh temporary folder with `mkdtemp`. */
export async function makeTempDir(prefix = 'polycam-cli-'): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return {
    path,
    at: (...parts) => join(path, ...parts),
    remove: () => rm(path, { recursive: true, force: true }),
  };
}

/** Every file and folder under `folder` (dotfiles included), relative and sorted. */
export async function listTree(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.map((entry) => relative(folder, join(entry.parentPath, entry.name))).sort();
}

/** Writes `buildTinyCnn(options)` (32×32 RGB input, 4 classes by default) and returns its path. */
export async function writeTinyModel(path: string, options: TinyCnnOptions = {}): Promise<string> {
  await writeFile(path, buildTinyCnn(options));
  return path;
}

/**
 * Writes a model on which `--layers auto` stops early: 32×32 conv and ReLU, a max pool to 16×16
 * that a global pool reads at once (the walk ends there, with 2 layers), and a second branch
 * that pools the same map to 8×8 before its own global pool. Its layers reach 3 resolutions.
 */
export async function writeEarlyPoolModel(path: string): Promise<string> {
  const graph = new OnnxGraphBuilder({ inputShape: ['batch', 3, 32, 32], seed: 5 });
  const features = graph.relu(graph.conv(graph.inputName, 4, { kernel: 3, pad: 1, scope: '/conv1' }), '/relu1');
  const pooled = graph.maxPool(features, { kernel: 2, stride: 2, scope: '/pool1' });
  const early = graph.globalAveragePool(pooled, '/early');
  const late = graph.relu(graph.conv(graph.maxPool(pooled, { kernel: 2, stride: 2, scope: '/pool2' }), 4, { kernel: 3, pad: 1, scope: '/conv2' }), '/relu2');
  const sum = graph.add(early, graph.globalAveragePool(late, '/late'), '/sum');
  await writeFile(path, graph.build(graph.gemm(graph.flatten(sum, ''), 4, '/fc')));
  return path;
}

/** Writes a model without any [K,h,w] layer: input → flatten → fully connected. */
export async function writeFlatModel(path: string): Promise<string> {
  const graph = new OnnxGraphBuilder({ inputShape: ['batch', 3, 32, 32], seed: 3 });
  await writeFile(path, graph.build(graph.gemm(graph.flatten(graph.inputName, ''), 4, '/fc')));
  return path;
}

/** Writes the tiny CNN with a `Log` on its logits: some outputs are NaN (a negative logit's log). */
export async function writeNanModel(path: string): Promise<string> {
  const graph = new OnnxGraphBuilder({ inputShape: ['batch', 3, 32, 32], seed: 3 });
  const features = graph.relu(graph.conv(graph.inputName, 4, { kernel: 3, pad: 1, scope: '/conv' }), '/relu');
  const pooled = graph.flatten(graph.globalAveragePool(features, '/avgpool'), '');
  await writeFile(path, graph.build(graph.log(graph.gemm(pooled, 4, '/fc'), '/log')));
  return path;
}

/**
 * Writes a small segmentation network: 32×32 RGB input, conv and ReLU, a 2×2 max pool, conv
 * and ReLU, and a 1×1 conv to `classes` score maps, so its output is `[N, classes, 16, 16]`.
 */
export async function writeSegmentationModel(path: string, classes = 3): Promise<string> {
  const graph = new OnnxGraphBuilder({ inputShape: ['batch', 3, 32, 32], seed: 11 });
  const first = graph.relu(graph.conv(graph.inputName, 6, { kernel: 3, pad: 1, scope: '/conv1' }), '/relu1');
  const pooled = graph.maxPool(first, { kernel: 2, stride: 2, scope: '/pool' });
  const second = graph.relu(graph.conv(pooled, 8, { kernel: 3, pad: 1, scope: '/conv2' }), '/relu2');
  await writeFile(path, graph.build(graph.conv(second, classes, { kernel: 1, scope: '/classifier' })));
  return path;
}

/** Writes a small CNN over a 1-channel (greyscale) 16×16 input. */
export async function writeGreyModel(path: string): Promise<string> {
  const graph = new OnnxGraphBuilder({ inputShape: ['batch', 1, 16, 16], seed: 5 });
  const features = graph.relu(graph.conv(graph.inputName, 4, { kernel: 3, pad: 1, scope: '/conv' }), '/relu');
  const pooled = graph.flatten(graph.globalAveragePool(features, '/avgpool'), '');
  await writeFile(path, graph.build(graph.gemm(pooled, 3, '/fc')));
  return path;
}

/** Deterministic 8-bit pixels with some structure (gradients and a bright square). */
export function patternPixels(width: number, height: number, channels: number, seed = 0): Buffer {
  const pixels = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const inSquare = x > width / 4 && x < width / 2 && y > height / 3 && y < (2 * height) / 3;
      for (let c = 0; c < channels; c += 1) {
        const ramp = ((x * (c + 1) * 7 + y * (3 - c) * 5 + seed * 31) % 200) + 20;
        pixels[(y * width + x) * channels + c] = inSquare ? 250 - c * 20 : ramp;
      }
    }
  }
  return pixels;
}

/** Writes a PNG of pattern pixels (1, 3 or 4 channels). */
export async function writePng(path: string, width: number, height: number, channels: 1 | 3 | 4 = 3, seed = 0): Promise<string> {
  const image = sharp(patternPixels(width, height, channels, seed), { raw: { width, height, channels } });
  await (channels === 1 ? image.toColourspace('b-w') : image).png().toFile(path);
  return path;
}

/** Writes a JPEG of pattern pixels (RGB). */
export async function writeJpeg(path: string, width: number, height: number, seed = 0): Promise<string> {
  await sharp(patternPixels(width, height, 3, seed), { raw: { width, height, channels: 3 } }).jpeg({ quality: 95 }).toFile(path);
  return path;
}

/**
 * Checks a refused run: exit 1, nothing on stdout, one `polycam: error:` line matching
 * `pattern`, and no file under `folder` whose name starts with `prefix` (what the run would
 * have written).
 *
 * @param result - The run.
 * @param pattern - What the error line must say.
 * @param leftovers - The folder to search and the prefix of the run's output names.
 * @returns The error line.
 */
export async function expectOneLineRefusal(result: CliRun, pattern: RegExp, leftovers: { readonly folder: string; readonly prefix: string }): Promise<string> {
  expect(result.code, result.stderr).toBe(1);
  expect(result.stdout).toBe('');
  const errorLines = result.stderr.split('\n');
  expect(errorLines, result.stderr).toHaveLength(2);
  expect(errorLines[0]).toMatch(/^polycam: error: /);
  expect(errorLines[0]).toMatch(pattern);
  expect((await listTree(leftovers.folder)).filter((name) => name.startsWith(leftovers.prefix))).toEqual([]);
  return errorLines[0]!;
}

/** The lines of a one-line error output, for `expect(...).toEqual([line, ''])`-style checks. */
export function lines(text: string): string[] {
  return text.split('\n');
}

/**
 * Parses `polycam layers` output into its table rows.
 *
 * @param stdout - The command's standard output.
 * @returns One entry per layer.
 */
export function parseLayersTable(stdout: string): { index: number; auto: boolean; name: string; op: string; shape: string }[] {
  const all = stdout.split('\n');
  const headerAt = all.findIndex((line) => /^#\s+auto\s+layer\s+op\s+shape$/.test(line));
  if (headerAt < 0) throw new Error(`no layer table in:\n${stdout}`);
  const rows = [];
  for (const line of all.slice(headerAt + 1)) {
    if (line.trim() === '') break;
    const match = /^(\d+)\s+(\*?)\s+(\S+)\s+(\S+)\s+(\S+)$/.exec(line);
    if (match === null) throw new Error(`not a layer row: '${line}'`);
    rows.push({ index: Number(match[1]), auto: match[2] === '*', name: match[3]!, op: match[4]!, shape: match[5]! });
  }
  return rows;
}
