import { PolycamError } from '@polycam/core';
import type { CliIo } from '../CliIo.js';
import { parseInteger } from '../options/parseInteger.js';
import { startViewServer } from '../view/startViewServer.js';
import type { ViewCommandOptions } from './ViewCommandOptions.js';

/**
 * `polycam view [DIR]`: serves the web app on localhost and prints its URL; with a folder, the
 * page also lists the results that `polycam explain --out`, `polycam demo` or a dataset run
 * wrote there, each to be opened and explained again in the page. It runs until Ctrl-C.
 *
 * @param folder - The results folder, if any.
 * @param options - The port and host.
 * @param io - Streams and the cancellation signal that stops the server.
 * @returns When the server has stopped.
 * @throws {@link PolycamError} for a bad port, a missing folder or an app that is not built.
 */
export async function runViewCommand(folder: string | undefined, options: ViewCommandOptions, io: CliIo): Promise<void> {
  const port = parseInteger('--port', options.port, 0);
  if (port > 65535) throw new PolycamError('invalid-argument', `--port must be at most 65535, got ${port}`);
  const server = await startViewServer({ ...(folder === undefined ? {} : { results: folder }), port, host: options.host });
  io.stdout.write(`polycam view: ${folder === undefined ? 'the web app' : `the results in ${folder}`} at ${server.url}\n(Ctrl-C to stop)\n`);
  try {
    await new Promise<void>((resolve) => {
      if (io.signal?.aborted) resolve();
      io.signal?.addEventListener('abort', () => resolve(), { once: true });
    });
  } finally {
    await server.close();
  }
}
