import type { TargetRequest } from '@polycam/core';

/** What one image's explain request asks for, resolved from its `GivenTarget`: a class, or a checked target. */
export interface RequestTarget {
  /** The class to explain. */
  readonly classIndex?: number;
  /** The target to explain, checked. */
  readonly target?: TargetRequest;
}
