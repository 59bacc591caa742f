/**
 * What a normalised channel mask is, for the exact shortcuts:
 * - `zero`: all zero (a dead or constant channel); `X ⊙ M` is the zero input and
 *   `X ⊙ (1 − M)` is X itself.
 * - `general`: anything else; it needs its own forward pass.
 *
 * No mask is ever all one: `u` maps a channel's minimum, which lies at or below the 0.1th
 * percentile, to 0.
 */
export type MaskKind = 'zero' | 'general';
