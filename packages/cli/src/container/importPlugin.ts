import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PolycamError } from '@polycam/core';

function looksLikePath(specifier: string): boolean {
  return specifier.startsWith('.') || isAbsolute(specifier) || /\.[cm]?[jt]s$/.test(specifier);
}

function isMissingModule(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}

function failedToLoad(specifier: string, error: unknown): PolycamError {
  const why = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  return new PolycamError('invalid-plugin', `plugin '${specifier}' failed to load: ${why}`, { cause: error });
}

/**
 * Imports a plugin module named on the command line: a file path (relative to `cwd`), or a
 * package name, looked up from the polycam installation first and then from `cwd`.
 *
 * @param specifier - What the user wrote after `--plugin`.
 * @param cwd - The folder relative paths and local packages are resolved from.
 * @returns The module's namespace object.
 * @throws {@link PolycamError} `file-not-found` when no such file or package exists,
 *   `invalid-plugin` when the module throws while loading.
 */
export async function importPlugin(specifier: string, cwd: string): Promise<Record<string, unknown>> {
  let url: string;
  if (looksLikePath(specifier)) {
    const path = resolve(cwd, specifier);
    if (!existsSync(path)) {
      throw new PolycamError('file-not-found', `plugin '${specifier}' not found: no file at ${path}`);
    }
    url = pathToFileURL(path).href;
  } else {
    try {
      return (await import(specifier)) as Record<string, unknown>;
    } catch (error) {
      if (!isMissingModule(error) || !String((error as Error).message).includes(`'${specifier}'`)) throw failedToLoad(specifier, error);
    }
    try {
      url = pathToFileURL(createRequire(join(cwd, 'package.json')).resolve(specifier)).href;
    } catch {
      throw new PolycamError('file-not-found', `plugin '${specifier}' not found: it is neither a file nor an installed package`);
    }
  }
  try {
    return (await import(url)) as Record<string, unknown>;
  } catch (error) {
    throw failedToLoad(specifier, error);
  }
}
