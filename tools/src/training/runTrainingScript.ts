import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/**
 * Runs one of `@polycam/synthetic`'s training scripts (`training/*.py`) with Debian's PyTorch
 * (`POLYCAM_PYTHON`, default `/usr/bin/python3`, a development-only tool) on a benchmark
 * folder, its output shown as it runs, and reads the JSON report it writes.
 *
 * @param script - The script's path.
 * @param data - The benchmark folder it trains on.
 * @param onnxPath - Where it writes the ONNX model.
 * @param reportPath - Where it writes its report.
 * @returns The report: its scores, timings, mean and std.
 * @throws Error when the script fails.
 */
export async function runTrainingScript(
  script: string,
  data: string,
  onnxPath: string,
  reportPath: string,
): Promise<Record<string, number> & { mean: number[]; std: number[] }> {
  const python = process.env.POLYCAM_PYTHON ?? '/usr/bin/python3';
  const trained = spawnSync(python, [script, '--data', data, '--out', onnxPath, '--report', reportPath], { stdio: 'inherit' });
  if (trained.status !== 0) {
    throw new Error(`training failed (${python} exited with ${trained.status ?? trained.signal}); see its output above`);
  }
  return JSON.parse(await readFile(reportPath, 'utf8')) as Record<string, number> & { mean: number[]; std: number[] };
}
