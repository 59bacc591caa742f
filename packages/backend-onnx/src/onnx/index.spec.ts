import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as onnx from '@polycam/backend-onnx/onnx';
import { describe, expect, it } from 'vitest';

// `@polycam/backend-onnx/onnx` is for third-party ONNX runtimes, in Node and in browsers: it
// must not pull in onnxruntime-node (or any Node built-in) through any of its imports.

/**
 * Every bare module the file imports, following its relative imports: those imported for
 * values, and those imported for types only (`import type`), which leave no trace at run time.
 */
function bareImports(entry: string): { values: Set<string>; types: Set<string> } {
  const seen = new Set<string>();
  const values = new Set<string>();
  const types = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    for (const [statement, specifier] of code.matchAll(/(?:import|export)\s[^;]*?from '([^']+)'/g)) {
      if (specifier!.startsWith('.')) visit(resolve(dirname(file), specifier!.replace(/\.js$/, '.ts')));
      else (/^import\s+type\s/.test(statement) ? types : values).add(specifier!);
    }
  };
  visit(entry);
  for (const specifier of values) types.delete(specifier);
  return { values, types };
}

describe('@polycam/backend-onnx/onnx', () => {
  it('imports no ONNX runtime and no Node built-in, and onnxruntime-common for types only', () => {
    const { values, types } = bareImports(fileURLToPath(new URL('./index.ts', import.meta.url)));
    expect([...values].sort()).toEqual(['@polycam/core', 'protobufjs/minimal.js']);
    expect([...types]).toEqual(['onnxruntime-common']);
  });

  it('exports the tools a third-party backend needs', () => {
    expect(typeof onnx.OnnxSessionBackend).toBe('function');
    for (const name of ['summarizeOnnxModel', 'wireOnnxModel', 'reachableOutputs', 'withGraphOutputs', 'withMaskedInput', 'bilinearMatrix', 'detectLayout']) {
      expect(typeof (onnx as Record<string, unknown>)[name]).toBe('function');
    }
    expect(onnx.maskedInputNames).toEqual({ image: 'polycam_image', masks: 'polycam_masks', rows: 'polycam_rows', columns: 'polycam_columns' });
  });
});
