import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { PolycamError } from '@polycam/core';
import type { ViewServer } from './ViewServer.js';
import { readSavedResults } from './readSavedResults.js';
import { webAppFolder } from './webAppFolder.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/**
 * Serves the built web app on localhost, with the headers that WASM threads need
 * (`Cross-Origin-Opener-Policy: same-origin`, `Cross-Origin-Embedder-Policy: require-corp`) and
 * `Cross-Origin-Resource-Policy: same-origin` on every file, and, when a results folder is
 * given, its listing at `results/index.json` (the folders of `polycam explain --out`,
 * `polycam demo` and a dataset run are recognised) and the files the listing names; nothing else
 * on the disk is reachable.
 *
 * @param options - The results folder, the port (0 or absent: any free port), the host (default
 *   `127.0.0.1`) and the built app's folder (default: `@polycam/web`'s `dist/app`).
 * @returns The running server: its URL and a `close()`.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `file-not-found` when the app is not built or the folder does
 *   not exist, `invalid-argument` when the port is taken.
 */
export async function startViewServer(
  options: { readonly results?: string; readonly port?: number; readonly host?: string; readonly app?: string } = {},
): Promise<ViewServer> {
  const app = options.app === undefined ? webAppFolder() : resolve(options.app);
  if (options.results !== undefined && !(existsSync(options.results) && statSync(options.results).isDirectory())) {
    throw new PolycamError('file-not-found', `results folder '${options.results}' does not exist or is not a folder`);
  }
  const saved = options.results === undefined ? undefined : readSavedResults(options.results);
  const server = createServer((request, response) => {
    const send = (status: number, type: string, body?: string): void => {
      response.writeHead(status, { 'Content-Type': type, ...headers });
      response.end(body);
    };
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname).replace(/^\/+/, '');
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'text/plain', 'only GET\n');
    if (path === 'results/index.json') {
      return saved ? send(200, TYPES['.json']!, JSON.stringify(saved.listing)) : send(404, 'text/plain', 'no results folder was given\n');
    }
    const fromResults = saved?.files.get(encodePath(path));
    const fromApp = normalize(join(app, path === '' ? 'index.html' : path));
    const file = fromResults ?? (fromApp.startsWith(app + sep) ? fromApp : undefined);
    if (file === undefined || !existsSync(file) || !statSync(file).isFile()) return send(404, 'text/plain', 'not found\n');
    response.writeHead(200, { 'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'Content-Length': statSync(file).size, ...headers });
    if (request.method === 'HEAD') return response.end();
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PolycamError('invalid-argument', `port ${options.port} is already in use; pick another with --port`) : error),
    );
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const headers = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
};

/** A decoded URL path encoded again as the listing writes its keys. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
