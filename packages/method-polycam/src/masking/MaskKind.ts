/**
 * What a normalised channel mask is, for the exact shortcuts:
 * - `zero`: all zero (a dead or constant channel); `X ⊙ M` is the zero input, `X ⊙ (1 − M)` is X.
 * - `one`: all one; `X ⊙ M` is X, `X ⊙ (1 − M)` is the zero input.
 * - `general`: anything else; it needs its own forward pass.
 */
export type MaskKind = 'zero' | 'one' | 'general';
