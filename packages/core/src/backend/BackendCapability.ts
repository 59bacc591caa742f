/**
 * Something a backend may or may not be able to do. A {@link WeightingStrategy} lists what it
 * requires, and the explainer checks the list before any inference runs.
 *
 * - `forward`: run batches and return the output and tapped activations. Every backend has it.
 * - `gradients`: the gradient of a score with respect to a layer's activation
 *   (see {@link GradientProvider}).
 * - `masked-inputs`: runs `X ⊙ resize(M)` from low-resolution masks inside the runtime
 *   (see {@link MaskedInputRunner}).
 * - `weight-randomization`: loads copies of the model with chosen layers' weights redrawn
 *   (see {@link WeightRandomizer}), for the randomisation sanity check.
 *
 * Third parties may declare further capabilities of their own as plain strings.
 */
export type BackendCapability = 'forward' | 'gradients' | 'masked-inputs' | 'weight-randomization' | (string & {});
