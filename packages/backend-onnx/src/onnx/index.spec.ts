import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as onnx from '@polycam/backend-onnx/onnx';
import { describe, expect, it } from 'vitest';

// `@polycam/backend-onnx/onnx` is for third-party ONNX runtimes, in Node and in browsers: it
// must not pull in onnxruntime-node (or any Node built-in) through any of its imports.

/** Every bare module the file imports, following its relative imports. */
function bareImports(entry: string): Set<string> {
  const seen = new Set<string>();
  const bare = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    for (const [, specifier] of code.matchAll(/from '([^']+)'/g)) {
      if (specifier!.startsWith('.')) visit(resolve(dirname(file), specifier!.replace(/\.js$/, '.ts')));
      else bare.add(specifier!);
    }
  };
  visit(entry);
  return bare;
}

describe('@polycam/backend-onnx/onnx', () => {
  it('imports no ONNX runtime and no Node built-in', () => {
    const modules = bareImports(fileURLToPath(new URL('./index.ts', import.meta.url)));
    expect([...modules].sort()).toEqual(['@polycam/core', 'protobufjs/minimal.js']);
  });

  it('exports the tools a third-party backend needs', () => {
    for (const name of ['summarizeOnnxModel', 'wireOnnxModel', 'reachableOutputs', 'withGraphOutputs', 'withMaskedInput', 'detectLayout']) {
      expect(typeof (onnx as Record<string, unknown>)[name]).toBe('function');
    }
    expect(onnx.maskedInputNames).toEqual({ image: 'polycam_image', masks: 'polycam_masks' });
  });
});
