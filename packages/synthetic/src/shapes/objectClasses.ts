import type { ObjectClass } from './ObjectClass.js';

function regularPolygon(sides: number, radius: number): (u: number, v: number) => boolean {
  // Inside when on the inner side of every edge of the polygon inscribed in `radius`.
  const apothem = radius * Math.cos(Math.PI / sides);
  return (u, v) => {
    for (let side = 0; side < sides; side += 1) {
      const angle = (2 * Math.PI * (side + 0.5)) / sides - Math.PI / 2;
      if (u * Math.cos(angle) + v * Math.sin(angle) > apothem) return false;
    }
    return true;
  };
}

function star(points: number, outer: number, inner: number): (u: number, v: number) => boolean {
  // The star polygon: vertices alternate between the outer and the inner radius.
  const vertices = Array.from({ length: 2 * points }, (_, index) => {
    const angle = -Math.PI / 2 + (index * Math.PI) / points;
    const radius = index % 2 === 0 ? outer : inner;
    return [radius * Math.cos(angle), radius * Math.sin(angle)] as const;
  });
  return (u, v) => {
    let inside = false; // even-odd ray casting towards +u
    for (let index = 0, previous = vertices.length - 1; index < vertices.length; previous = index, index += 1) {
      const [ua, va] = vertices[index]!;
      const [ub, vb] = vertices[previous]!;
      if (va > v !== vb > v && u < ((ub - ua) * (v - va)) / (vb - va) + ua) inside = !inside;
    }
    return inside;
  };
}

const disk = (u: number, v: number): boolean => u * u + v * v <= 1;
// Half-side 0.7: the corners (radius 0.99) stay inside the unit disk.
const square = (u: number, v: number): boolean => Math.abs(u) <= 0.7 && Math.abs(v) <= 0.7;

/**
 * The benchmark's eight object classes: six plain shapes, which differ only by silhouette, and
 * two textured objects that share a silhouette with a plain class and differ from it only by
 * their pattern, so that a classifier must look at texture as well as outline.
 *
 * | index | name | what it is |
 * |---|---|---|
 * | 0 | disk | a filled circle |
 * | 1 | square | a filled square |
 * | 2 | triangle | an equilateral triangle |
 * | 3 | star | a five-pointed star |
 * | 4 | cross | a plus sign |
 * | 5 | ring | an annulus |
 * | 6 | checkerboard | a square with a 4×4 check pattern |
 * | 7 | dotted-disk | a disk with a grid of dots |
 */
export const objectClasses: readonly ObjectClass[] = [
  { name: 'disk', covers: disk },
  { name: 'square', covers: square },
  { name: 'triangle', covers: regularPolygon(3, 1) },
  { name: 'star', covers: star(5, 1, 0.45) },
  { name: 'cross', covers: (u, v) => (Math.abs(u) <= 0.95 && Math.abs(v) <= 0.3) || (Math.abs(v) <= 0.95 && Math.abs(u) <= 0.3) },
  { name: 'ring', covers: (u, v) => u * u + v * v <= 1 && u * u + v * v >= 0.36 },
  {
    name: 'checkerboard',
    covers: square,
    pattern: (u, v) => (Math.floor((u + 0.7) / 0.35) + Math.floor((v + 0.7) / 0.35)) % 2 === 1,
  },
  {
    name: 'dotted-disk',
    covers: disk,
    pattern: (u, v) => {
      const cell = 0.5;
      const du = u - cell * Math.round(u / cell);
      const dv = v - cell * Math.round(v / cell);
      return du * du + dv * dv <= 0.13 * 0.13;
    },
  },
];
