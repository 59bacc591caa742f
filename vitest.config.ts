import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// Specs import the workspace packages by name; point those names at the TypeScript sources so
// that tests never run against a stale build.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@polycam\/core\/io$/, replacement: source('./packages/core/src/io/index.ts') },
      { find: /^@polycam\/core\/kernels$/, replacement: source('./packages/core/src/kernels/index.ts') },
      { find: /^@polycam\/core\/masking$/, replacement: source('./packages/core/src/masking/index.ts') },
      { find: /^@polycam\/core\/testing$/, replacement: source('./packages/core/src/testing/index.ts') },
      { find: /^@polycam\/core$/, replacement: source('./packages/core/src/index.ts') },
      { find: /^@polycam\/backend-onnx\/builders$/, replacement: source('./packages/backend-onnx/src/builders/index.ts') },
      { find: /^@polycam\/backend-onnx\/onnx$/, replacement: source('./packages/backend-onnx/src/onnx/index.ts') },
      { find: /^@polycam\/backend-onnx$/, replacement: source('./packages/backend-onnx/src/index.ts') },
      { find: /^@polycam\/backend-tfjs\/testing$/, replacement: source('./packages/backend-tfjs/src/testing/index.ts') },
      { find: /^@polycam\/backend-tfjs$/, replacement: source('./packages/backend-tfjs/src/index.ts') },
      { find: /^@polycam\/method-baselines$/, replacement: source('./packages/method-baselines/src/index.ts') },
      { find: /^@polycam-examples\/faster-polycam$/, replacement: source('./examples/faster-polycam/src/index.ts') },
      { find: /^@polycam\/backend-onnx-web$/, replacement: source('./packages/backend-onnx-web/src/index.ts') },
      { find: /^@polycam\/method-polycam$/, replacement: source('./packages/method-polycam/src/index.ts') },
      { find: /^@polycam\/metrics$/, replacement: source('./packages/metrics/src/index.ts') },
      { find: /^@polycam\/benchmark$/, replacement: source('./packages/benchmark/src/index.ts') },
      { find: /^@polycam\/synthetic$/, replacement: source('./packages/synthetic/src/index.ts') },
      { find: /^@polycam\/dataset$/, replacement: source('./packages/dataset/src/index.ts') },
      { find: /^@polycam\/cli$/, replacement: source('./packages/cli/src/index.ts') },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.spec.ts', 'examples/*/src/**/*.spec.ts', 'tools/**/*.spec.ts', 'docs/**/*.spec.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
