import { join } from 'node:path';
import { TOKENS } from '@polycam/core';
import { describe, expect, it } from 'vitest';
import { composeCliContainer } from '../container/composeCliContainer.js';
import { explanationFileNames } from './explanationFileNames.js';

const methodPart = (id: string): string => {
  const { overlay } = explanationFileNames('out', 'cat.png', id);
  return overlay.slice(join('out', 'cat-').length, -'.png'.length);
};

describe('explanationFileNames', () => {
  it('keeps the Poly-CAM presets’ names that the README promises', () => {
    expect(explanationFileNames('out', 'images/cat.jpg', 'pcam±')).toEqual({
      overlay: join('out', 'cat-pcampm.png'),
      summary: join('out', 'cat-pcampm.json'),
    });
    expect(methodPart('pcam+')).toBe('pcamp');
    expect(methodPart('pcam-')).toBe('pcamm');
  });

  it('keeps a hyphen between words and spells out every sign', () => {
    expect(methodPart('grad-cam')).toBe('grad-cam');
    expect(methodPart('grad-cam++')).toBe('grad-campp');
    expect(methodPart('score-cam-softmax')).toBe('score-cam-softmax');
    expect(methodPart('cam-')).toBe('camm');
    expect(methodPart('cam±')).toBe('campm');
    expect(methodPart('rise')).toBe('rise');
  });

  it('never lets an id leave the folder or use a character outside [a-z0-9._-]', () => {
    expect(methodPart('../evil/x y')).toMatch(/^[a-z0-9._-]+$/);
    expect(methodPart('Ünïcode')).toMatch(/^[a-z0-9._-]+$/);
  });

  it('gives every registered method a readable name of its own', async () => {
    const explainer = (await composeCliContainer([])).get(TOKENS.Explainer);
    const ids = explainer.methods().map((method) => method.id);
    expect(ids.length).toBeGreaterThan(10);
    const names = ids.map(methodPart);
    for (const [index, name] of names.entries()) {
      expect(name, ids[index]).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
    expect(new Set(names).size).toBe(names.length);
  });
});
