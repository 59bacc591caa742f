import type { ProtocolOptions } from './ProtocolOptions.js';
import type { sanityMethods } from './sanityMethods.js';

/** Options of {@link runSanity}; progress counts (image, method) pairs. */
export interface SanityOptions extends ProtocolOptions {
  /** The methods to check; default {@link sanityMethods}. */
  readonly methods?: readonly string[];
  /** Perturbations for sensitivity-max. */
  readonly samples: number;
}
