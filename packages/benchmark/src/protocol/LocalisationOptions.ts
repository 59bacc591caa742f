import type { TargetRequest } from '@polycam/core';
import type { ProtocolOptions } from './ProtocolOptions.js';

/** Options of {@link runLocalisation}; progress counts explanations. */
export interface LocalisationOptions extends ProtocolOptions {
  /**
   * What each object's map explains, from the object's class index: a segmentation network's
   * `{ kind: 'segmentation', options: { classIndex: 1 + label } }`, say. Default: the class
   * itself, as a classifier's probability.
   */
  readonly targetOf?: (label: number) => TargetRequest;
}
