import { createPolycamContainer, TOKENS } from '@polycam/core';
import { baselinesModule } from '@polycam/method-baselines';
import { polycamModule } from '@polycam/method-polycam';
import { ContainerModule } from 'inversify';
import { describe, expect, it } from 'vitest';
import { benchmarkRows } from './benchmarkRows.js';

const extraPreset = new ContainerModule(({ bind }) => {
  bind(TOKENS.MethodPreset).toConstantValue({ id: 'my-cam', aliases: [], strategy: 'cvc', fusion: 'no-lnorm', layers: 'last', description: 'a plugin preset' });
});

describe('benchmarkRows', async () => {
  const rows = benchmarkRows((await createPolycamContainer(polycamModule, baselinesModule, extraPreset)).get(TOKENS.Explainer));

  it("lays out the paper's table in its order, with its labels, RISE and Occlusion left out by default", () => {
    const table = rows.filter((row) => row.inPaperTable);
    expect(table.map((row) => [row.key, row.label, row.byDefault])).toEqual([
      ['pcam+', 'PCAM+', true],
      ['pcam-', 'PCAM−', true],
      ['pcam±', 'PCAM±', true],
      ['pcam±-no-lnorm', 'PCAM± without LNorm', true],
      ['cam+', 'CAM+ (last layer)', true],
      ['cam-', 'CAM− (last layer)', true],
      ['cam±', 'CAM± (last layer)', true],
      ['score-cam', 'Score-CAM (last layer)', true],
      ['grad-cam', 'Grad-CAM (last layer)', true],
      ['grad-cam++', 'Grad-CAM++ (last layer)', true],
      ['layer-cam', 'Layer-CAM', true],
      ['rise', 'RISE (4000 masks)', false],
      ['occlusion', 'Occlusion', false],
    ]);
    expect(rows.slice(0, table.length)).toEqual(table);
  });

  it("takes each row's layers from its preset and re-fuses PCAM±'s own explanation for the ablation", () => {
    const byKey = new Map(rows.map((row) => [row.key, row]));
    expect(byKey.get('cam±')).toMatchObject({ method: 'cam±', lastLayerOnly: true });
    expect(byKey.get('score-cam')).toMatchObject({ lastLayerOnly: true });
    expect(byKey.get('layer-cam')).toMatchObject({ lastLayerOnly: false });
    expect(byKey.get('rise')).toMatchObject({ lastLayerOnly: false });
    expect(byKey.get('pcam±-no-lnorm')).toMatchObject({ method: 'pcam±', lastLayerOnly: false, fuseAgainWith: 'no-lnorm' });
  });

  it('adds every other registered method, a plugin preset included, after the table and off by default', () => {
    const others = rows.filter((row) => !row.inPaperTable);
    expect(others.map((row) => [row.key, row.label, row.byDefault])).toEqual([
      ['score-cam-softmax', 'score-cam-softmax (last layer)', false],
      ['refine-cam', 'refine-cam', false],
      ['refine-cam±', 'refine-cam±', false],
      ['my-cam', 'my-cam (last layer)', false],
    ]);
  });

  it('leaves out what is not registered: the baselines without their module, the ablation without its fusion', async () => {
    const polycamOnly = benchmarkRows((await createPolycamContainer(polycamModule)).get(TOKENS.Explainer));
    expect(polycamOnly.map((row) => row.key)).toEqual(['pcam+', 'pcam-', 'pcam±', 'pcam±-no-lnorm']);
  });
});
