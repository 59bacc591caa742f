import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { io } from '@tensorflow/tfjs-core';

/**
 * A TF.js save handler that writes `model.json` and one `weights.bin` into a folder, the layout
 * {@link loadModelArtifacts} and the TF.js converters use. Both files are written under
 * temporary names and renamed at the end, so a failure leaves no half-written model.
 *
 * @example
 * ```ts
 * await model.save(saveModelArtifacts('out/my-model'));
 * ```
 *
 * @param folder - The folder to write (created if needed).
 * @returns A handler to pass to `LayersModel.save`.
 */
export function saveModelArtifacts(folder: string): io.IOHandler {
  return {
    async save(artifacts: io.ModelArtifacts): Promise<io.SaveResult> {
      await mkdir(folder, { recursive: true });
      const weightsFile = 'weights.bin';
      const data = artifacts.weightData;
      const buffers = data === undefined ? [] : Array.isArray(data) ? data : [data as ArrayBuffer];
      const bytes = Buffer.concat(buffers.map((buffer) => new Uint8Array(buffer)));
      const json = {
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy ?? null,
        modelTopology: artifacts.modelTopology,
        ...(artifacts.userDefinedMetadata ? { userDefinedMetadata: artifacts.userDefinedMetadata } : {}),
        weightsManifest: [{ paths: [weightsFile], weights: artifacts.weightSpecs ?? [] }],
      };
      const staged = [join(folder, `.${weightsFile}.partial`), join(folder, '.model.json.partial')];
      try {
        await writeFile(staged[0]!, bytes);
        await writeFile(staged[1]!, `${JSON.stringify(json)}\n`);
        await rename(staged[0]!, join(folder, weightsFile));
        await rename(staged[1]!, join(folder, 'model.json'));
      } finally {
        await Promise.all(staged.map((path) => rm(path, { force: true })));
      }
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: bytes.length } };
    },
  };
}
