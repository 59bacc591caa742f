import { PolycamError, seededRandom } from '@polycam/core';
import { hsvToRgb } from '../render/hsvToRgb.js';
import { paintShape } from '../render/paintShape.js';
import { RgbCanvas, type Rgb } from '../render/RgbCanvas.js';
import { objectClasses } from '../shapes/objectClasses.js';
import { paintBackground } from './paintBackground.js';
import { paintClutter } from './paintClutter.js';
import { placeObjects } from './placeObjects.js';
import type { Scene } from './Scene.js';
import type { SceneObject } from './SceneObject.js';
import type { SceneOptions } from './SceneOptions.js';

/** The smallest image side that fits two objects with their margins and clutter. */
const MIN_SCENE_SIZE = 48;
/** The largest image side: a scene of this size takes a fraction of a second to draw. */
const MAX_SCENE_SIZE = 512;

function checkOptions(size: number, labels: readonly number[], noise: number): void {
  if (!Number.isInteger(size) || size < MIN_SCENE_SIZE) {
    throw new PolycamError('invalid-argument', `the image size must be an integer of at least ${MIN_SCENE_SIZE} px to fit the objects, got ${size}`);
  }
  if (size > MAX_SCENE_SIZE) {
    throw new PolycamError('invalid-argument', `the image size must be at most ${MAX_SCENE_SIZE} px, got ${size}`);
  }
  if (labels.length < 1 || labels.length > 2) {
    throw new PolycamError('invalid-argument', `a scene holds one or two objects, got ${labels.length}`);
  }
  if (labels.some((label) => !Number.isInteger(label) || label < 0 || label >= objectClasses.length)) {
    throw new PolycamError('invalid-argument', `object labels must be class indexes 0..${objectClasses.length - 1}, got ${labels.join(',')}`);
  }
  if (labels.length === 2 && labels[0] === labels[1]) {
    throw new PolycamError('invalid-argument', 'the two objects of a scene must be of different classes');
  }
  if (!(noise >= 0 && noise <= 1)) {
    throw new PolycamError('invalid-argument', `noise must be in [0, 1], got ${noise}`);
  }
}

/**
 * Draws one scene of the synthetic benchmark: a muted background with soft blotches, distractor
 * clutter, then one or two class objects in saturated colours, each scaled, rotated and placed
 * at random, anti-aliased, with its pixel mask; then pixel noise. Every random choice comes from
 * the seed, so the same options give byte-identical pixels.
 *
 * @param options - The seed, the size, the labels, and whether to add clutter and noise.
 * @returns The image and its objects' ground truth.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-argument` for a size too small for the objects or
 *   over 512 px, labels
 *   that are not class indexes, two objects of one class, or noise outside [0, 1].
 */
export function generateScene(options: SceneOptions): Scene {
  const size = options.size ?? 128;
  const noise = options.noise ?? 0.02;
  checkOptions(size, options.labels, noise);
  const random = seededRandom(options.seed);
  const canvas = new RgbCanvas(size);
  paintBackground(canvas, random);
  if (options.clutter ?? true) paintClutter(canvas, random);

  const placements = placeObjects(options.labels.length, size, random);
  const objects: SceneObject[] = options.labels.map((label, index) => {
    const objectClass = objectClasses[label]!;
    const { center, radius, rotation } = placements[index]!;
    const hue = random();
    const main = hsvToRgb(hue, 0.55 + random() * 0.45, 0.6 + random() * 0.4);
    const second: Rgb = hsvToRgb(hue + 0.5, 0.5 + random() * 0.5, 0.15 + random() * 0.25);
    const [cos, sin] = [Math.cos(rotation), Math.sin(rotation)];
    const toUnit = (x: number, y: number): [number, number] => {
      const [dx, dy] = [(x - center[0]) / radius, (y - center[1]) / radius];
      return [cos * dx + sin * dy, -sin * dx + cos * dy];
    };
    const box = [center[0] - radius - 1, center[1] - radius - 1, center[0] + radius + 1, center[1] + radius + 1] as const;
    const coverage = paintShape(
      canvas,
      box,
      (x, y) => objectClass.covers(...toUnit(x, y)),
      (x, y) => (objectClass.pattern?.(...toUnit(x, y)) ? second : main),
    );
    const mask = Uint8Array.from(coverage, (alpha) => (alpha >= 0.5 ? 1 : 0));
    return { label, className: objectClass.name, center, radius, rotation, mask, box: boundingBox(mask, size) };
  });

  if (noise > 0) {
    // A sum of four uniforms: close to Gaussian, with the requested standard deviation.
    const gaussian = (): number => (random() + random() + random() + random() - 2) * Math.sqrt(3) * noise;
    for (let y = 0; y < size; y += 1) {
      for (let x = 0; x < size; x += 1) {
        canvas.add(x, y, [gaussian(), gaussian(), gaussian()]);
      }
    }
  }
  return { image: canvas.toPixels(), objects };
}

function boundingBox(mask: Uint8Array, size: number): [number, number, number, number] {
  let [x0, y0, x1, y1] = [size, size, -1, -1];
  mask.forEach((value, index) => {
    if (value === 0) return;
    const [x, y] = [index % size, Math.floor(index / size)];
    [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  });
  return [x0, y0, x1, y1];
}
