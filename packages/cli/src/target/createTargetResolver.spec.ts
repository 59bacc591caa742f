import { PolycamError, type TargetArgumentLoader, type TargetPlugin } from '@polycam/core';
import { describe, expect, it } from 'vitest';
import { createTargetResolver } from './createTargetResolver.js';

// A real (if small) target plugin that counts its parses, and a loader that refuses every file:
// the resolver must parse each distinct text once per folder, check classes itself, and name the
// source in every error.

function counting(): { plugin: TargetPlugin; parses: string[] } {
  const parses: string[] = [];
  const plugin: TargetPlugin<{ readonly weight: number }> = {
    id: 'weighted',
    description: 'the first output times a weight',
    syntax: 'WEIGHT',
    parse: async (argument) => {
      parses.push(argument);
      return { weight: Number(argument) };
    },
    check: (options) => {
      const { weight } = options as { weight: number };
      if (!Number.isFinite(weight)) throw new PolycamError('invalid-argument', '--target weighted: expected a number');
      return { weight };
    },
    bind: ({ weight }) => ({ label: `weighted ${weight}`, score: (output) => weight * output[0]! }),
  };
  return { plugin: plugin as TargetPlugin, parses };
}

const refusingLoader: TargetArgumentLoader = {
  readMask: () => Promise.reject(new Error('no files here')),
  readVector: () => Promise.reject(new Error('no files here')),
  outputOf: () => Promise.reject(new Error('no files here')),
};

describe('createTargetResolver', () => {
  const output = { name: 'logits', shape: [4], size: 4 };

  it('parses and checks each distinct text once per folder, however many images share it', async () => {
    const { plugin, parses } = counting();
    const folders: string[] = [];
    const resolve = createTargetResolver({ plugins: [plugin], output, scoreFunction: 'softmax', loaderFor: (folder) => (folders.push(folder), refusingLoader) });
    const a = await resolve({ target: { target: 'weighted:2', folder: '/a' }, source: '--target' });
    await resolve({ target: { target: 'weighted:2', folder: '/a' }, source: '--target' });
    await resolve({ target: { target: 'weighted:2', folder: '/b' }, source: '--target' });
    await resolve({ target: { target: 'weighted:3', folder: '/a' }, source: '--target' });
    expect(a).toEqual({ target: { kind: 'weighted', options: { weight: 2 } } });
    expect(parses).toEqual(['2', '2', '3']);
    expect(folders).toEqual(['/a', '/b', '/a']);
  });

  it('checks a class against the output, naming the flag or the CSV line', async () => {
    const resolve = createTargetResolver({ plugins: [], output, scoreFunction: 'softmax', loaderFor: () => refusingLoader });
    expect(await resolve({ target: { classIndex: 3 }, source: '--class' })).toEqual({ classIndex: 3 });
    await expect(resolve({ target: { classIndex: 4 }, source: '--class' })).rejects.toThrow('--class 4 is out of range: the model has 4 classes (0..3)');
    await expect(resolve({ target: { classIndex: 9 }, source: "--classes 'c.csv' line 3" })).rejects.toThrow(
      "--classes 'c.csv' line 3: class 9 is out of range: the model has 4 classes (0..3)",
    );
  });

  it("names the source and the text in a plugin's error, without the plugin's own '--target KIND:' prefix", async () => {
    const { plugin } = counting();
    const resolve = createTargetResolver({ plugins: [plugin], output, scoreFunction: 'softmax', loaderFor: () => refusingLoader });
    await expect(resolve({ target: { target: 'weighted:x', folder: '/a' }, source: "--classes 'c.csv' line 2" })).rejects.toThrow(
      new PolycamError('invalid-argument', "--classes 'c.csv' line 2 'weighted:x': expected a number"),
    );
    await expect(resolve({ target: { target: 'other:1', folder: '/a' }, source: '--target' })).rejects.toThrow(
      "--target 'other:1': unknown target kind 'other' (expected KIND:ARGUMENT, one of weighted:WEIGHT)",
    );
  });
});
