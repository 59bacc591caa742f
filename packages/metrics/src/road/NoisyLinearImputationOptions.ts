/** Options of {@link noisyLinearImputation}. */
export interface NoisyLinearImputationOptions {
  /**
   * The standard deviation of the Gaussian noise added to every imputed value, in the image's
   * own units (the normalised input's). Non-negative; 0 imputes without noise. Default 0.01,
   * pytorch-grad-cam's.
   */
  readonly noise?: number;
  /**
   * The uniform generator the noise is drawn from (such as `seededRandom(seed)` of
   * `@polycam/core`), so that a seed fixes the result. Default `seededRandom(0)`.
   */
  readonly random?: () => number;
  /**
   * The conjugate-gradient solve stops once the residual's Euclidean norm is at most this
   * fraction of the right-hand side's. Default 1e-9.
   */
  readonly tolerance?: number;
}
