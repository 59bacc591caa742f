import { describe, expect, it } from 'vitest';
import { PolycamError } from '../errors/PolycamError.js';
import { seededRandom } from '../random/seededRandom.js';
import type { TargetFunction } from '../target/TargetFunction.js';
import type { TargetPlugin } from '../target/TargetPlugin.js';
import type { TargetConformanceCase } from './TargetConformanceCase.js';

/** Relative step of the central differences the gradient is compared with. */
const STEP = 1e-3;

function perturbations(unmasked: Float32Array, seed: number): Float32Array[] {
  const random = seededRandom(seed);
  return [0, 1, 2].map(() => Float32Array.from(unmasked, (value) => value + (random() - 0.5) * 0.1 * Math.max(1, Math.abs(value))));
}

function bound(plugin: TargetPlugin, entry: TargetConformanceCase, options: unknown = plugin.check(entry.options, entry.output)): TargetFunction {
  return plugin.bind(options, { output: entry.output, unmasked: entry.unmasked, scoreFunction: entry.scoreFunction ?? 'softmax' });
}

/** Central differences of the score, each step measured between the float32 values it moves the entry to. */
function centralDifferences(target: TargetFunction, output: Float32Array): Float64Array {
  const probe = Float32Array.from(output);
  return Float64Array.from(output, (value, entry) => {
    const step = STEP * Math.max(1, Math.abs(value));
    probe[entry] = value + step;
    const above = target.score(probe);
    const upper = probe[entry]!;
    probe[entry] = value - step;
    const below = target.score(probe);
    const lower = probe[entry]!;
    probe[entry] = value;
    return (above - below) / (upper - lower);
  });
}

/**
 * The shared test suite every {@link TargetPlugin} must pass, the built-in ones and third
 * parties' alike. For each case (an output description, options and the outputs to score) it
 * checks: the plugin's id and description; `check` accepts the options, refuses `wrongOutput`
 * with a `PolycamError` and is idempotent; `parse` round-trips the case's argument to options
 * that score the same; the bound target's scores are finite float32 values, the same bit for
 * bit for the same output and from a second bind; neither `check`, `bind`, `score` nor
 * `gradient` modifies its inputs; and an analytic `gradient`, when the target has one, has one
 * entry per output value and matches central differences of the score (relative step 1e-3,
 * within `1e-3 · max(1, |s|)` plus 1 % of the entry).
 *
 * @example
 * ```ts
 * // depthTarget.spec.ts
 * import { describeTargetPluginConformance } from '@polycam/core/testing';
 * describeTargetPluginConformance(new DepthTargetPlugin(), [
 *   { label: 'a [1, 4, 4] depth map', output: { name: 'depth', shape: [1, 4, 4], size: 16 },
 *     options: { near: true }, unmasked, wrongOutput: { name: 'logits', shape: [10], size: 10 } },
 * ]);
 * ```
 *
 * @param plugin - The plugin under test.
 * @param cases - The situations to check it in; give at least one.
 */
export function describeTargetPluginConformance(plugin: TargetPlugin, cases: readonly TargetConformanceCase[]): void {
  describe(`target plugin conformance: ${plugin.id}`, () => {
    it('has an id and a description', () => {
      expect(plugin.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(plugin.description.length).toBeGreaterThan(0);
      expect(typeof plugin.syntax).toBe('string');
      expect(cases.length).toBeGreaterThan(0);
    });

    describe.each(cases.map((entry, index) => ({ ...entry, index })))('$label', (entry) => {
      const outputs = (): Float32Array[] => [entry.unmasked, ...(entry.outputs ?? perturbations(entry.unmasked, entry.index + 1))];

      it('checks the options, and checks its own checked options to the same', () => {
        const once = plugin.check(entry.options, entry.output);
        const twice = plugin.check(once, entry.output);
        const [first, second] = [bound(plugin, entry, once), bound(plugin, entry, twice)];
        for (const output of outputs()) expect(second.score(output)).toBe(first.score(output));
      });

      it('refuses a wrong output with a PolycamError', () => {
        let thrown: unknown;
        try {
          plugin.check(entry.options, entry.wrongOutput);
        } catch (error) {
          thrown = error;
        }
        expect(PolycamError.is(thrown)).toBe(true);
      });

      it.runIf(entry.argument !== undefined)('parses its argument to options that score the same', async () => {
        const parsed = await plugin.parse(entry.argument!.text, entry.argument!.loader);
        const [fromArgument, fromOptions] = [bound(plugin, entry, plugin.check(parsed, entry.output)), bound(plugin, entry)];
        for (const output of outputs()) expect(fromArgument.score(output)).toBe(fromOptions.score(output));
      });

      it('scores finite float32 values, deterministically', () => {
        const [target, again] = [bound(plugin, entry), bound(plugin, entry)];
        for (const output of outputs()) {
          const score = target.score(output);
          expect(Number.isFinite(score)).toBe(true);
          expect(score).toBe(Math.fround(score));
          expect(target.score(output)).toBe(score);
          expect(again.score(output)).toBe(score);
        }
      });

      it('modifies none of its inputs', () => {
        const options = structuredClone(entry.options);
        const unmasked = entry.unmasked.slice();
        const scored = outputs().slice(1).map((output) => output.slice());
        const target = bound(plugin, entry);
        for (const output of [entry.unmasked, ...scored]) {
          const copy = output.slice();
          target.score(output);
          target.gradient?.(output);
          expect(output).toEqual(copy);
        }
        expect(entry.options).toEqual(options);
        expect(entry.unmasked).toEqual(unmasked);
      });

      it('gives an analytic gradient that matches central differences', () => {
        const target = bound(plugin, entry);
        if (target.gradient === undefined) return;
        for (const output of outputs()) {
          const gradient = target.gradient(output);
          expect(gradient.length).toBe(output.length);
          const numeric = centralDifferences(target, output);
          const tolerance = 1e-3 * Math.max(1, Math.abs(target.score(output)));
          for (let entryIndex = 0; entryIndex < output.length; entryIndex += 1) {
            expect(Math.abs(gradient[entryIndex]! - numeric[entryIndex]!)).toBeLessThanOrEqual(tolerance + 0.01 * Math.abs(gradient[entryIndex]!));
          }
        }
      });
    });
  });
}
