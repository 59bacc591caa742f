/**
 * How Score-CAM turns the masked images' scores into channel weights:
 *
 * - `score` (the default): `w_k = s(X ⊙ M_k)`, the target score of each masked image (the
 *   softmax probability by default): CIC, as the Score-CAM paper's code computes it.
 * - `softmax-logit-difference`: `w_k = softmax_k(z_c(X ⊙ M_k) − z_c(X_b))`, the softmax over
 *   channels of the class logit's increase, as the Score-CAM paper's eq. 4 defines it and as
 *   torchcam computes it (with the unmasked image as `X_b`). The softmax is invariant to the
 *   baseline, so no baseline pass is needed. A target without a class uses its own score.
 */
export type ScoreCamWeights = 'score' | 'softmax-logit-difference';
