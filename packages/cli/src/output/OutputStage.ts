import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PolycamError } from '@polycam/core';
import { temporaryName } from '@polycam/dataset';
import { fileSystemReason } from './fileSystemReason.js';
import type { OutputFile } from './OutputFile.js';

/**
 * Output files that appear together or not at all, written as they come:
 * {@link OutputStage.write} puts each under a temporary name beside its target (creating the
 * folders it needs), so that its bytes need not stay in memory; {@link OutputStage.commit}
 * renames them all into place; {@link OutputStage.discard}, in a `finally`, removes after a
 * failure or a cancellation every temporary file and every folder the stage created, so that
 * nothing is left behind. One stage serves one command run.
 */
export class OutputStage {
  readonly #staged: { readonly temporary: string; readonly path: string }[] = [];
  readonly #placed: string[] = [];
  readonly #folders: string[] = [];
  #committed = false;

  /**
   * Writes a file under a temporary name in its target folder.
   *
   * @param file - The file.
   * @returns When its bytes are on disk.
   * @throws {@link PolycamError} `output-failure` naming the file and the reason in words.
   */
  public async write(file: OutputFile): Promise<void> {
    const folder = dirname(file.path);
    const temporary = temporaryName.beside(file.path);
    await this.#attempt(file.path, async () => {
      const created = await mkdir(folder, { recursive: true });
      if (created !== undefined) this.#folders.push(created);
      this.#staged.push({ temporary, path: file.path });
      await writeFile(temporary, file.bytes);
    });
  }

  /**
   * Renames every written file into place.
   *
   * @returns When all are in place.
   * @throws {@link PolycamError} `output-failure` naming the file that could not be placed.
   */
  public async commit(): Promise<void> {
    for (const { temporary, path } of this.#staged) {
      await this.#attempt(path, () => rename(temporary, path));
      this.#placed.push(path);
    }
    this.#committed = true;
  }

  /**
   * Removes what an uncommitted stage wrote: its temporary files, the files a failed commit had
   * already placed, and the folders it created. Does nothing after a successful commit.
   *
   * @returns When everything is removed.
   */
  public async discard(): Promise<void> {
    if (this.#committed) return;
    const files = [...this.#staged.map(({ temporary }) => temporary), ...this.#placed];
    await Promise.all(files.map((path) => rm(path, { force: true })));
    for (const folder of this.#folders.reverse()) await rm(folder, { recursive: true, force: true });
  }

  async #attempt(path: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      throw new PolycamError('output-failure', `cannot write '${path}': ${await fileSystemReason(error, path)}`, { cause: error });
    }
  }
}
