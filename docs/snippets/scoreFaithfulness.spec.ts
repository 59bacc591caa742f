import { createPolycamContainer, seededRandom, TOKENS } from '@polycam/core';
import { createToyBackend } from '@polycam/core/testing';
import { polycamModule } from '@polycam/method-polycam';
import { describe, expect, it } from 'vitest';
import { scoreFaithfulness } from './scoreFaithfulness.js';

describe('the evaluation guide', () => {
  it('scores Poly-CAM maps and writes the paper CSV files', async () => {
    const backend = createToyBackend();
    const container = await createPolycamContainer(polycamModule);
    const random = seededRandom(9);
    const images = [];
    for (const name of ['a.png', 'b.png']) {
      const input = { shape: [3, 16, 16], data: Float32Array.from({ length: 768 }, () => random() * 2 - 1) };
      const { map } = await container.get(TOKENS.Explainer).explain({ backend, input });
      images.push({ name, input, map });
    }
    const scores = await scoreFaithfulness(backend, images, { model: 'toy', saliency: 'pcampm' });
    expect([...scores.files.keys()].sort()).toEqual([
      'del_auc_toy-pcampm.csv',
      'del_details_toy-pcampm.csv',
      'ins_auc_toy-pcampm.csv',
      'ins_details_toy-pcampm.csv',
    ]);
    expect(scores.files.get('ins_auc_toy-pcampm.csv')).toMatch(/^,0\na\.png,[\d.e-]+\nb\.png,[\d.e-]+\n$/);
    expect(scores.files.get('ins_details_toy-pcampm.csv')!.split('\n')[0]!.split(',')).toHaveLength(225);
    for (const value of [scores.insertion, scores.deletion, scores.averageDrop]) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    await backend.dispose();
  });
});
