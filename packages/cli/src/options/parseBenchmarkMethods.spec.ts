import { benchmarkRows } from '@polycam/benchmark';
import { TOKENS } from '@polycam/core';
import { errorKindOf } from '@polycam/core/testing';
import { describe, expect, it } from 'vitest';
import { createCliContainer } from '../container/createCliContainer.js';
import { parseBenchmarkMethods as parseWith } from './parseBenchmarkMethods.js';

describe('parseBenchmarkMethods', async () => {
  const rows = benchmarkRows((await createCliContainer()).get(TOKENS.Explainer));
  const parseBenchmarkMethods = (text?: string) => parseWith(text, rows);

  it('leaves RISE and Occlusion out by default and puts them in with all', () => {
    const keys = (text?: string): string[] => parseBenchmarkMethods(text).map((row) => row.key);
    expect(keys()).not.toContain('rise');
    expect(keys()).not.toContain('occlusion');
    expect(keys()).toContain('grad-cam');
    expect(keys('default')).toEqual(keys());
    expect(keys('all')).toEqual([...keys(), 'rise', 'occlusion']);
  });

  it('keeps the table order whatever the order given', () => {
    expect(parseBenchmarkMethods('rise, pcam±').map((row) => row.key)).toEqual(['pcam±', 'rise']);
  });

  it('refuses an unknown key or an empty list', () => {
    expect(errorKindOf(() => parseBenchmarkMethods('pcam±,gradcam'))).toBe('invalid-argument');
    expect(errorKindOf(() => parseBenchmarkMethods(','))).toBe('invalid-argument');
  });
});
