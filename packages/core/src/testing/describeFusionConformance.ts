import { describe, expect, it } from 'vitest';
import type { Fusion } from '../fusion/Fusion.js';
import { stageMapOf } from '../fusion/stageMapOf.js';
import { seededRandom } from '../random/seededRandom.js';
import type { Map2D } from '../tensor/Map2D.js';

/** Options of {@link describeFusionConformance}. */
export interface FusionConformanceOptions {
  /**
   * The sizes to fuse at, each `[camHeight, camWidth, deeperHeight, deeperWidth]`: a layer's CAM
   * and the fused map of the layer below it. Default `[[8, 8, 4, 4], [8, 8, 8, 8]]`: a deeper
   * layer at half the size, as after a pooling, and one at the same size. Every CAM size is also
   * fused as the deepest layer, with no deeper map. Give at least one.
   */
  readonly sizes?: readonly (readonly [number, number, number, number])[];
  /** Seeds the random maps. Default 1. */
  readonly seed?: number;
}

/** A CAM and the deeper map it is fused with; `deeper` is undefined for the deepest layer. */
interface Case {
  readonly label: string;
  readonly cam: Map2D;
  readonly deeper: Map2D | undefined;
}

function copy(map: Map2D): Map2D;
function copy(map: Map2D | undefined): Map2D | undefined;
function copy(map: Map2D | undefined): Map2D | undefined {
  return map === undefined ? undefined : { height: map.height, width: map.width, data: map.data.slice() };
}

/** The input's size the explainer hands to each fuse in the chained check: twice the largest CAM's. */
function inputSizeFor(sizes: FusionConformanceOptions['sizes'] & {}): { height: number; width: number } {
  return { height: 2 * Math.max(...sizes.map(([height]) => height)), width: 2 * Math.max(...sizes.map(([, width]) => width)) };
}

/** Non-negative values with about a quarter of exact zeros, as a rectified CAM has. */
function randomMap(random: () => number, height: number, width: number): Map2D {
  return { height, width, data: Float32Array.from({ length: height * width }, () => Math.max(0, random() * 4 - 1)) };
}

function cases(sizes: FusionConformanceOptions['sizes'] & {}, seed: number): Case[] {
  const random = seededRandom(seed);
  const camSizes = new Map(sizes.map(([height, width]) => [`${height}×${width}`, [height, width] as const]));
  const deepest = [...camSizes].map(([label, [height, width]]) => ({ label: `a ${label} CAM, deepest`, cam: randomMap(random, height, width), deeper: undefined }));
  const fused = sizes.map(([height, width, deeperHeight, deeperWidth]) => ({
    label: `a ${height}×${width} CAM on a ${deeperHeight}×${deeperWidth} deeper map`,
    cam: randomMap(random, height, width),
    deeper: randomMap(random, deeperHeight, deeperWidth),
  }));
  return [...deepest, ...fused];
}

/** Fuses fresh copies of a case's maps, so that a fusion that mutates them cannot spoil the case. */
function fuse(fusion: Fusion, { cam, deeper }: Case): Map2D {
  return fusion.fuse(copy(cam), copy(deeper));
}

/**
 * The shared test suite every {@link Fusion} must pass, ours and third parties' alike. It fuses
 * seeded random non-negative maps, as rectified CAMs are, and checks the contract of
 * {@link Fusion.fuse}: a map of the CAM's size, for the deepest layer and on a deeper map of the
 * same or a smaller size; finite, non-negative values; its inputs left untouched; the same map
 * bit for bit for the same inputs; no state kept between calls; no NaN from an all-zero CAM
 * (a dead layer), which a division by the CAM's maximum gives; and, fused as the explainer does
 * (deepest first, given the input's size), maps at the CAM's or the input's size whose stage
 * maps ({@link Fusion.stageMap} or the default) are the input's size, with values in [0, 1].
 *
 * @example
 * ```ts
 * // my-fusion.spec.ts
 * import { describeFusionConformance } from '@polycam/core/testing';
 * describeFusionConformance('geometric-mean', () => new GeometricMeanFusion());
 * ```
 *
 * @param name - A label for the describe block.
 * @param createFusion - Makes the fusion under test; called once per check, and twice where a
 *   fresh instance is compared with a used one.
 * @param options - The sizes to fuse at and the seed of the maps.
 */
export function describeFusionConformance(name: string, createFusion: () => Fusion, options: FusionConformanceOptions = {}): void {
  const sizes = options.sizes ?? [
    [8, 8, 4, 4],
    [8, 8, 8, 8],
  ];
  const all = cases(sizes, options.seed ?? 1);
  const withDeeper = all.filter((entry) => entry.deeper !== undefined);

  describe(`Fusion conformance: ${name}`, () => {
    it('has an id and a description', () => {
      const fusion = createFusion();
      expect(fusion.id).toMatch(/^\S+$/);
      expect(fusion.description).toMatch(/\S/);
    });

    it('returns a map of the CAM’s size, for the deepest layer and on a deeper map of the same or a smaller size', () => {
      const fusion = createFusion();
      for (const entry of all) {
        const fused = fuse(fusion, entry);
        expect([fused.height, fused.width, fused.data.length], entry.label).toEqual([entry.cam.height, entry.cam.width, entry.cam.data.length]);
        expect(fused.data, entry.label).toBeInstanceOf(Float32Array);
      }
    });

    it('gives finite, non-negative values for non-negative maps', () => {
      const fusion = createFusion();
      for (const entry of all) {
        const fused = fuse(fusion, entry);
        expect(fused.data.every((value) => Number.isFinite(value) && value >= 0), entry.label).toBe(true);
      }
    });

    it('leaves the CAM and the deeper map untouched', () => {
      const fusion = createFusion();
      for (const entry of all) {
        const cam = copy(entry.cam);
        const deeper = copy(entry.deeper);
        fusion.fuse(cam, deeper);
        expect(cam, entry.label).toEqual(entry.cam);
        expect(deeper, entry.label).toEqual(entry.deeper);
      }
    });

    it('is deterministic: the same maps give the same map, bit for bit', () => {
      for (const entry of all) {
        expect(fuse(createFusion(), entry), entry.label).toEqual(fuse(createFusion(), entry));
      }
    });

    it('keeps no state between calls: A, then B, then A again gives the first A, and B what a fresh instance gives', () => {
      const [first, second] = [withDeeper[0]!, cases(sizes, (options.seed ?? 1) + 1).find((entry) => entry.deeper !== undefined)!];
      const fusion = createFusion();
      const a = fuse(fusion, first);
      const b = fuse(fusion, second);
      const again = fuse(fusion, first);
      expect(again).toEqual(a);
      expect(b).toEqual(fuse(createFusion(), second));
    });

    it('fused as the explainer does, given the input’s size: maps at the CAM’s or the input’s size, and stage maps of the input’s size in [0, 1]', () => {
      const input = inputSizeFor(sizes);
      const fusion = createFusion();
      for (const entry of withDeeper) {
        const deeperCam = copy(entry.deeper!);
        const deeper = fusion.fuse(deeperCam, undefined, input);
        const fused = fusion.fuse(copy(entry.cam), deeper, input);
        for (const [map, cam] of [[deeper, deeperCam], [fused, entry.cam]] as const) {
          const allowed = [[cam.height, cam.width], [input.height, input.width]].map((size) => size.join('×'));
          expect(allowed, entry.label).toContain(`${map.height}×${map.width}`);
          expect(map.data.every((value) => Number.isFinite(value) && value >= 0), entry.label).toBe(true);
          const stage = stageMapOf(fusion, map, input.height, input.width);
          expect([stage.height, stage.width, stage.data.length], entry.label).toEqual([input.height, input.width, input.height * input.width]);
          expect(stage.data.every((value) => value >= 0 && value <= 1), entry.label).toBe(true);
        }
      }
    });

    it('gives no NaN for an all-zero CAM, alone or on a deeper map', () => {
      const fusion = createFusion();
      for (const entry of all) {
        const zero = { height: entry.cam.height, width: entry.cam.width, data: new Float32Array(entry.cam.data.length) };
        const deepers = entry.deeper === undefined ? [undefined] : [entry.deeper, { ...entry.deeper, data: new Float32Array(entry.deeper.data.length) }];
        for (const deeper of deepers) {
          const fused = fusion.fuse(zero, copy(deeper));
          expect(fused.data.some(Number.isNaN), entry.label).toBe(false);
        }
      }
    });
  });
}
