import type { Map2D } from '@polycam/core';
import { encodeNpy } from '@polycam/core/io';
import type { DatasetJobData } from '../job/DatasetJobData.js';
import { digestFile } from './digestFile.js';
import { jobFiles } from './jobFiles.js';
import type { JobMetrics } from './JobMetrics.js';
import type { JobRecord } from './JobRecord.js';
import { writeFileAtomic } from './writeFileAtomic.js';

/**
 * Writes a job's result: the map as a float32 `.npy` (`[H, W]`, what `numpy.load` reads), the
 * overlay when given, and then, last, the record that names both with their sizes and hashes.
 * Each file is written atomically ({@link writeFileAtomic}), so the record appears only once
 * the files it vouches for are whole.
 *
 * @param data - The job.
 * @param map - The final saliency map.
 * @param summary - The explanation's summary fields ({@link explanationRecord}).
 * @param extras - The overlay's PNG bytes and the map's metrics, when asked.
 * @returns The record written.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `output-failure` when a file
 *   cannot be written.
 */
export async function writeJobResult(
  data: DatasetJobData,
  map: Map2D,
  summary: Record<string, unknown>,
  extras: { readonly overlay?: Uint8Array; readonly faithfulness?: JobMetrics } = {},
): Promise<JobRecord> {
  const files = jobFiles(data.out, data.job);
  const npy = encodeNpy({ shape: [map.height, map.width], data: map.data });
  await writeFileAtomic(files.map, npy);
  let overlay;
  if (extras.overlay !== undefined) {
    await writeFileAtomic(files.overlay, extras.overlay);
    overlay = digestFile(files.overlay, extras.overlay);
  }
  const record: JobRecord = {
    key: data.job.key,
    relativePath: data.job.relativePath,
    configId: data.job.configId,
    ...summary,
    map: digestFile(files.map, npy),
    ...(overlay === undefined ? {} : { overlay }),
    ...(extras.faithfulness === undefined ? {} : { faithfulness: extras.faithfulness }),
  };
  await writeFileAtomic(files.record, `${JSON.stringify(record, null, 2)}\n`);
  return record;
}
