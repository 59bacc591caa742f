import { errorKindOf } from '@polycam/core/testing';
import { describe, expect, it } from 'vitest';
import { parseTfjsPlatform } from './parseTfjsPlatform.js';

describe('parseTfjsPlatform', () => {
  it('accepts the four platform names and refuses any other with invalid-argument', () => {
    expect(['wasm', 'cpu', 'node', 'node-gpu'].map(parseTfjsPlatform)).toEqual(['wasm', 'cpu', 'node', 'node-gpu']);
    expect(errorKindOf(() => parseTfjsPlatform('webgl'))).toBe('invalid-argument');
    expect(() => parseTfjsPlatform('gpu')).toThrow("unsupported TF.js platform 'gpu' (expected wasm, cpu, node, node-gpu)");
  });
});
