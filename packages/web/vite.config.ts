import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const synthetic = here('../synthetic/');

/** The headers WASM threads need (cross-origin isolation), on every response. */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The bundled demo model, its metadata and its demo images (without their masks), under demo/. */
function demoFiles(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  files.set('demo/demo-cnn.onnx', readFileSync(`${synthetic}model/demo-cnn.onnx`));
  files.set('demo/demo-cnn.json', readFileSync(`${synthetic}model/demo-cnn.json`));
  const images = readdirSync(`${synthetic}demo-images/test`).filter((name) => name.endsWith('.png') && !name.includes('-mask')).sort();
  for (const name of images) files.set(`demo/images/${name}`, readFileSync(`${synthetic}demo-images/test/${name}`));
  files.set('demo/images/index.json', Buffer.from(JSON.stringify(images)));
  return files;
}

/** Serves the demo files in dev and emits them into the build, so the app needs no server of ours. */
function bundledDemo(): Plugin {
  return {
    name: 'polycam-bundled-demo',
    configureServer(server) {
      const files = demoFiles();
      server.middlewares.use((request, response, next) => {
        const path = (request.url ?? '').split('?')[0]!.replace(/^\//, '');
        const file = files.get(path);
        if (file === undefined) return next();
        response.setHeader('Content-Type', path.endsWith('.json') ? 'application/json' : path.endsWith('.png') ? 'image/png' : 'application/octet-stream');
        response.end(file);
      });
    },
    generateBundle() {
      for (const [fileName, source] of demoFiles()) this.emitFile({ type: 'asset', fileName, source });
    },
  };
}

// The app is built into dist/app with relative URLs, so `polycam view` can serve it from any
// path. onnxruntime-web is taken in its build that loads its .wasm from a URL (ort.min.mjs), and
// the worker points that URL at the .wasm file Vite copies next to the app: nothing comes from
// a CDN.
export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [bundledDemo()],
  resolve: {
    alias: [{ find: /^onnxruntime-web$/, replacement: here('../../node_modules/onnxruntime-web/dist/ort.min.mjs') }],
  },
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  worker: { format: 'es' },
  build: {
    outDir: here('dist/app'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2048,
    assetsInlineLimit: 0,
  },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
});
