/**
 * How many images of each kind each split of the benchmark holds.
 */
export interface SplitSizes {
  /** Images with one class object, the classes taking turns. */
  readonly single: number;
  /** Images with two objects of different classes. */
  readonly pair: number;
}
