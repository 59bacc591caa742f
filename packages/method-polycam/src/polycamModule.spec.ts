import { createPolycamContainer, Explainer, PolycamError, TOKENS } from '@polycam/core';
import { createToyBackend } from '@polycam/core/testing';
import { polycamModule, polycamPresets } from '@polycam/method-polycam';
import { describe, expect, it } from 'vitest';

async function explainer(): Promise<Explainer> {
  const container = await createPolycamContainer(polycamModule);
  return container.get(TOKENS.Explainer);
}

function errorOf(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('polycamModule', () => {
  it('gives the container an Explainer with the three presets, strategies and fusions', async () => {
    const resolved = await explainer();
    expect(resolved).toBeInstanceOf(Explainer);
    expect(resolved.presets().map((preset) => preset.id)).toEqual(['pcam+', 'pcam-', 'pcam±']);
    expect(resolved.strategies().map((strategy) => strategy.id).sort()).toEqual(['cdc', 'cic', 'cvc']);
    expect(resolved.fusions().map((fusion) => fusion.id).sort()).toEqual(['lnorm', 'no-lnorm', 'single-layer']);
    expect(polycamPresets.map((preset) => preset.id)).toEqual(['pcam+', 'pcam-', 'pcam±']);
  });

  it.each([
    ['pcam+', 'pcam+', 'cic'],
    ['pcamp', 'pcam+', 'cic'],
    ['pcam-', 'pcam-', 'cdc'],
    ['pcamm', 'pcam-', 'cdc'],
    ['pcam±', 'pcam±', 'cvc'],
    ['pcampm', 'pcam±', 'cvc'],
  ])('resolves %s to preset %s: %s with LNorm', async (method, preset, strategy) => {
    const parts = (await explainer()).resolve({ method });
    expect(parts.preset.id).toBe(preset);
    expect(parts.strategy.id).toBe(strategy);
    expect(parts.fusion.id).toBe('lnorm');
  });

  it('lists the ASCII aliases on the presets', async () => {
    const aliases = Object.fromEntries((await explainer()).presets().map((preset) => [preset.id, preset.aliases]));
    expect(aliases['pcam+']).toContain('pcamp');
    expect(aliases['pcam-']).toContain('pcamm');
    expect(aliases['pcam±']).toContain('pcampm');
  });

  it('defaults to pcam± and lets the request override the strategy and the fusion', async () => {
    const resolved = await explainer();
    expect(resolved.resolve({}).preset.id).toBe('pcam±');
    const parts = resolved.resolve({ method: 'pcam+', strategy: 'cdc', fusion: 'single-layer' });
    expect([parts.preset.id, parts.strategy.id, parts.fusion.id]).toEqual(['pcam+', 'cdc', 'single-layer']);
  });

  it('rejects an unknown method with unknown-method, listing the available ones', async () => {
    const resolved = await explainer();
    const error = errorOf(() => resolved.resolve({ method: 'gradcam' }));
    expect(PolycamError.is(error, 'unknown-method')).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain('gradcam');
    for (const name of ['pcam+', 'pcam-', 'pcam±', 'pcamp', 'pcamm', 'pcampm']) {
      expect(message).toContain(name);
    }
  });

  it('rejects an unknown strategy or fusion override with unknown-method', async () => {
    const resolved = await explainer();
    const strategyError = errorOf(() => resolved.resolve({ method: 'pcam+', strategy: 'gradients' }));
    expect(PolycamError.is(strategyError, 'unknown-method')).toBe(true);
    for (const id of ['cic', 'cdc', 'cvc']) expect((strategyError as Error).message).toContain(id);
    const fusionError = errorOf(() => resolved.resolve({ method: 'pcam+', fusion: 'average' }));
    expect(PolycamError.is(fusionError, 'unknown-method')).toBe(true);
    for (const id of ['lnorm', 'no-lnorm', 'single-layer']) expect((fusionError as Error).message).toContain(id);
  });

  it('makes explain() reject an unknown method before running the model', async () => {
    let runs = 0;
    const backend = createToyBackend({ onRun: (size) => (runs += size) });
    const input = { shape: [1, 3, 16, 16], data: new Float32Array(768) };
    const error = await (await explainer()).explain({ backend, input, method: 'pcam*' }).catch((caught: unknown) => caught);
    expect(PolycamError.is(error, 'unknown-method')).toBe(true);
    expect(runs).toBe(0);
  });
});
