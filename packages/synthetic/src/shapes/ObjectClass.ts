/**
 * One class of object in the synthetic benchmark, drawn in its own unit frame: the object is
 * centred on the origin and fits in the unit disk; the scene scales, rotates and places it.
 */
export interface ObjectClass {
  /** A short lower-case name, such as `star`. */
  readonly name: string;
  /**
   * Tells whether a point of the unit frame belongs to the object.
   *
   * @param u - Horizontal coordinate in the object's frame.
   * @param v - Vertical coordinate in the object's frame.
   * @returns True inside the object.
   */
  covers(u: number, v: number): boolean;
  /**
   * For textured classes: whether a point inside the object shows the second colour (stripes,
   * checks, dots). Undefined for plain classes, which have one colour.
   *
   * @param u - Horizontal coordinate in the object's frame.
   * @param v - Vertical coordinate in the object's frame.
   * @returns True where the pattern's second colour shows.
   */
  readonly pattern?: (u: number, v: number) => boolean;
}
