import { describe, expect, it } from 'vitest';
import type { ObjectClass } from './ObjectClass.js';
import { objectClasses } from './objectClasses.js';

function byName(name: string): ObjectClass {
  const found = objectClasses.find((objectClass) => objectClass.name === name);
  if (found === undefined) throw new Error(`no class named ${name}`);
  return found;
}

/** The point at `radius` along `angle` (radians, measured from +u towards +v). */
function polar(radius: number, angle: number): [number, number] {
  return [radius * Math.cos(angle), radius * Math.sin(angle)];
}

/** A regular grid of `steps × steps` cell centres over [−extent, extent]². */
function grid(extent: number, steps: number): Array<[number, number]> {
  const points: Array<[number, number]> = [];
  const step = (2 * extent) / steps;
  for (let row = 0; row < steps; row += 1) {
    for (let column = 0; column < steps; column += 1) points.push([-extent + (column + 0.5) * step, -extent + (row + 0.5) * step]);
  }
  return points;
}

/** The area of a class's silhouette, estimated on a fine grid over [−1.2, 1.2]². */
function sampledArea(objectClass: ObjectClass, steps = 320): number {
  const extent = 1.2;
  const inside = grid(extent, steps).filter(([u, v]) => objectClass.covers(u, v)).length;
  return (inside / (steps * steps)) * (2 * extent) ** 2;
}

const DEG = Math.PI / 180;

describe('objectClasses', () => {
  it('lists the eight classes in the documented order, with unique names', () => {
    expect(objectClasses.map((objectClass) => objectClass.name)).toEqual([
      'disk',
      'square',
      'triangle',
      'star',
      'cross',
      'ring',
      'checkerboard',
      'dotted-disk',
    ]);
  });

  it('gives a pattern to the textured classes only', () => {
    for (const objectClass of objectClasses) {
      const textured = objectClass.name === 'checkerboard' || objectClass.name === 'dotted-disk';
      expect(objectClass.pattern !== undefined, objectClass.name).toBe(textured);
    }
  });

  describe('disk (radius 1)', () => {
    const disk = byName('disk');
    it('contains its centre, (0.7, 0.7) (0.98 ≤ 1) and the rim point (1, 0)', () => {
      expect(disk.covers(0, 0)).toBe(true);
      expect(disk.covers(0.7, 0.7)).toBe(true);
      expect(disk.covers(-0.7, 0.7)).toBe(true);
      expect(disk.covers(1, 0)).toBe(true);
      expect(disk.covers(0, -1)).toBe(true);
    });
    it('excludes (0.72, 0.72) (1.0368 > 1) and points just past the rim', () => {
      expect(disk.covers(0.72, 0.72)).toBe(false);
      expect(disk.covers(1.01, 0)).toBe(false);
      expect(disk.covers(0, -1.01)).toBe(false);
    });
  });

  describe('square (half-side 0.7)', () => {
    const square = byName('square');
    it('contains its centre, its corners and points on its edges', () => {
      expect(square.covers(0, 0)).toBe(true);
      for (const [u, v] of [[0.7, 0.7], [-0.7, 0.7], [0.7, -0.7], [-0.7, -0.7], [0.69, 0], [0, -0.69]] as const) {
        expect(square.covers(u, v), `(${u}, ${v})`).toBe(true);
      }
    });
    it('excludes points just outside each edge', () => {
      for (const [u, v] of [[0.71, 0], [-0.71, 0], [0, 0.71], [0, -0.71], [0.75, 0.75]] as const) {
        expect(square.covers(u, v), `(${u}, ${v})`).toBe(false);
      }
    });
  });

  describe('triangle (equilateral, inscribed in the unit circle, apex up)', () => {
    // Vertices at −90° (0, −1), 30° (√3/2, 1/2) and 150° (−√3/2, 1/2); bottom edge at v = 1/2.
    const triangle = byName('triangle');
    const vertices = [polar(1, -90 * DEG), polar(1, 30 * DEG), polar(1, 150 * DEG)];
    it('contains its centroid and points just inside each vertex', () => {
      expect(triangle.covers(0, 0)).toBe(true);
      for (const [u, v] of vertices) expect(triangle.covers(0.97 * u, 0.97 * v), `near (${u}, ${v})`).toBe(true);
    });
    it('excludes points just beyond each vertex', () => {
      for (const [u, v] of vertices) expect(triangle.covers(1.03 * u, 1.03 * v), `beyond (${u}, ${v})`).toBe(false);
    });
    it('has its bottom edge at v = 1/2 and no point at the top corners of the bounding square', () => {
      expect(triangle.covers(0, 0.45)).toBe(true);
      expect(triangle.covers(0, 0.55)).toBe(false);
      // (0.5, −0.5): beyond the right edge, whose outward normal is (cos −30°, sin −30°), 0.683 > 1/2.
      expect(triangle.covers(0.5, -0.5)).toBe(false);
      expect(triangle.covers(-0.5, -0.5)).toBe(false);
    });
  });

  describe('star (five points, outer radius 1, inner radius 0.45, first tip up)', () => {
    const star = byName('star');
    const tipAngles = [0, 1, 2, 3, 4].map((tip) => -90 * DEG + tip * 72 * DEG);
    it('contains its centre and the neighbourhood of every tip (radius 0.95 along the tip axis)', () => {
      expect(star.covers(0, 0)).toBe(true);
      expect(star.covers(0, -0.95)).toBe(true); // the first tip points to −v
      for (const angle of tipAngles) expect(star.covers(...polar(0.95, angle)), `tip at ${angle / DEG}°`).toBe(true);
    });
    it('excludes points past the tips and points between tips at radius 0.8', () => {
      expect(star.covers(0, -1.05)).toBe(false);
      expect(star.covers(0, 0.8)).toBe(false); // straight down lies between two tips
      for (const angle of tipAngles) {
        expect(star.covers(...polar(1.05, angle)), `past tip at ${angle / DEG}°`).toBe(false);
        expect(star.covers(...polar(0.8, angle + 36 * DEG)), `between tips at ${angle / DEG + 36}°`).toBe(false);
      }
    });
    it('contains points inside its inner radius in every direction', () => {
      for (let degrees = 0; degrees < 360; degrees += 7) expect(star.covers(...polar(0.4, degrees * DEG)), `${degrees}°`).toBe(true);
    });
  });

  describe('cross (arms 1.9 long, 0.6 wide)', () => {
    const cross = byName('cross');
    it('contains its centre and each arm', () => {
      for (const [u, v] of [[0, 0], [0.9, 0], [-0.9, 0], [0, 0.9], [0, -0.9], [-0.9, 0.25], [0.25, 0.9]] as const) {
        expect(cross.covers(u, v), `(${u}, ${v})`).toBe(true);
      }
    });
    it('excludes the corners between the arms and points past the arm ends', () => {
      for (const [u, v] of [[0.5, 0.5], [-0.5, 0.5], [0.31, 0.31], [-0.35, -0.35], [0.97, 0], [0, -0.97], [0.9, 0.35]] as const) {
        expect(cross.covers(u, v), `(${u}, ${v})`).toBe(false);
      }
    });
  });

  describe('ring (radii 0.6 and 1)', () => {
    const ring = byName('ring');
    it('excludes its centre and its hole', () => {
      expect(ring.covers(0, 0)).toBe(false);
      expect(ring.covers(0, 0.55)).toBe(false);
      expect(ring.covers(0.4, 0.4)).toBe(false); // 0.32 < 0.36
    });
    it('includes radius 0.8 in every direction, and its two rims', () => {
      for (let degrees = 0; degrees < 360; degrees += 15) expect(ring.covers(...polar(0.8, degrees * DEG)), `${degrees}°`).toBe(true);
      expect(ring.covers(0.6, 0)).toBe(true);
      expect(ring.covers(0, 1)).toBe(true);
      expect(ring.covers(0.5, 0.5)).toBe(true); // 0.5 in [0.36, 1]
    });
    it('excludes points outside radius 1', () => {
      expect(ring.covers(0, 1.01)).toBe(false);
      expect(ring.covers(0.72, 0.72)).toBe(false);
    });
  });

  describe('checkerboard', () => {
    const checkerboard = byName('checkerboard');
    const pattern = checkerboard.pattern!;
    // 4×4 cells of side 0.35 over the square [−0.7, 0.7]².
    const cellCentre = (index: number): number => -0.7 + 0.35 * (index + 0.5);
    it('alternates between horizontally and vertically neighbouring cells, and agrees along diagonals', () => {
      for (let row = 0; row < 4; row += 1) {
        for (let column = 0; column < 4; column += 1) {
          const here = pattern(cellCentre(column), cellCentre(row));
          if (column < 3) expect(pattern(cellCentre(column + 1), cellCentre(row)), `right of ${column},${row}`).toBe(!here);
          if (row < 3) expect(pattern(cellCentre(column), cellCentre(row + 1)), `below ${column},${row}`).toBe(!here);
          if (row < 3 && column < 3) expect(pattern(cellCentre(column + 1), cellCentre(row + 1))).toBe(here);
        }
      }
    });
    it('is constant inside a cell and shows its second colour on half of the cells', () => {
      let second = 0;
      for (let row = 0; row < 4; row += 1) {
        for (let column = 0; column < 4; column += 1) {
          const [u, v] = [cellCentre(column), cellCentre(row)];
          const here = pattern(u, v);
          for (const [du, dv] of [[-0.15, -0.15], [0.15, -0.15], [-0.15, 0.15], [0.15, 0.15]] as const) {
            expect(pattern(u + du, v + dv), `cell ${column},${row}`).toBe(here);
          }
          if (here) second += 1;
        }
      }
      expect(second).toBe(8);
    });
  });

  describe('dotted-disk', () => {
    const pattern = byName('dotted-disk').pattern!;
    it('shows dots at the multiples of 0.5 and near them', () => {
      for (const [u, v] of [[0, 0], [0.5, 0], [-0.5, 0], [0, 0.5], [0.5, 0.5], [-0.5, -0.5], [0.5, -0.5]] as const) {
        expect(pattern(u, v), `(${u}, ${v})`).toBe(true);
        expect(pattern(u + 0.05, v - 0.05), `near (${u}, ${v})`).toBe(true);
      }
    });
    it('shows no dot halfway between dots', () => {
      for (const [u, v] of [[0.25, 0], [0, 0.25], [0.25, 0.25], [-0.25, 0.5], [0.75, 0.25], [-0.25, -0.25]] as const) {
        expect(pattern(u, v), `(${u}, ${v})`).toBe(false);
      }
    });
  });

  describe('textured classes', () => {
    const points = grid(1.2, 121);
    it('share their silhouette with a plain class: checkerboard ↔ square, dotted-disk ↔ disk', () => {
      for (const [textured, plain] of [['checkerboard', 'square'], ['dotted-disk', 'disk']] as const) {
        const [a, b] = [byName(textured), byName(plain)];
        const differing = points.filter(([u, v]) => a.covers(u, v) !== b.covers(u, v));
        expect(differing, `${textured} vs ${plain}`).toEqual([]);
      }
    });
    it('show both colours inside their silhouette', () => {
      for (const name of ['checkerboard', 'dotted-disk']) {
        const objectClass = byName(name);
        const inside = points.filter(([u, v]) => objectClass.covers(u, v));
        const second = inside.filter(([u, v]) => objectClass.pattern!(u, v)).length;
        expect(second, name).toBeGreaterThan(0.1 * inside.length);
        expect(second, name).toBeLessThan(0.9 * inside.length);
      }
    });
  });

  it('have the analytic areas of their silhouettes', () => {
    const expected: Record<string, number> = {
      disk: Math.PI,
      square: 1.4 * 1.4,
      triangle: (3 * Math.sqrt(3)) / 4,
      star: 10 * 0.5 * 1 * 0.45 * Math.sin(36 * DEG), // ten triangles (outer tip, centre, inner vertex)
      cross: 2 * 1.9 * 0.6 - 0.6 * 0.6,
      ring: Math.PI * (1 - 0.36),
      checkerboard: 1.4 * 1.4,
      'dotted-disk': Math.PI,
    };
    for (const objectClass of objectClasses) {
      const area = sampledArea(objectClass);
      expect(Math.abs(area - expected[objectClass.name]!) / expected[objectClass.name]!, objectClass.name).toBeLessThan(0.01);
    }
  });

  describe('fit in the unit disk, as ObjectClass documents', () => {
    const outside = grid(1.5, 150).filter(([u, v]) => u * u + v * v > 1);
    const escaping = (objectClass: ObjectClass): Array<[number, number]> => outside.filter(([u, v]) => objectClass.covers(u, v));

    it("holds for every class, the square's corners (radius 0.7·√2 ≈ 0.99) included", () => {
      for (const objectClass of objectClasses) {
        expect(escaping(objectClass), objectClass.name).toEqual([]);
      }
    });
  });
});
