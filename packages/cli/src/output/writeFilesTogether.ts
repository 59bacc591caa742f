import type { OutputFile } from './OutputFile.js';
import { OutputStage } from './OutputStage.js';

/**
 * Writes several files so that they appear together or not at all, through one
 * {@link OutputStage}: each goes first to a temporary file beside its target, and only when
 * every one is written are they renamed into place. On failure every temporary file, and every
 * folder created for them, is removed.
 *
 * @param files - The files to write.
 * @returns When all files are in place.
 * @throws {@link PolycamError} `output-failure`, naming the file that could not be written and why.
 */
export async function writeFilesTogether(files: readonly OutputFile[]): Promise<void> {
  const stage = new OutputStage();
  try {
    for (const file of files) await stage.write(file);
    await stage.commit();
  } finally {
    await stage.discard();
  }
}
