/**
 * The kinds of failure that polycam reports. A caller can `catch` a {@link PolycamError} and
 * switch on its `kind` instead of parsing messages.
 *
 * - `invalid-argument`: an option or parameter given by the caller has an impossible value.
 * - `invalid-plugin`: a plugin broke its contract: two plugins share an id or a name, a
 *   strategy returned the wrong number of weights, a method a map of the wrong size, a module
 *   named as a plugin failed to load or exports no container module, a backend declared a
 *   service as a plain capability.
 * - `file-not-found`: a named file does not exist or cannot be read.
 * - `invalid-image`: a file is not a decodable image.
 * - `invalid-model`: a model file is missing, corrupt or not supported.
 * - `unknown-layer`: a requested layer does not exist in the model.
 * - `no-spatial-layer`: the model has no layer with a spatial (h×w) output to explain.
 * - `class-out-of-range`: the target class index is not an index of the model's output.
 * - `channel-mismatch`: per-channel values (mean, std) do not match the input's channels.
 * - `unknown-method`: no registered preset, weighting strategy, fusion, pass-budget rule or
 *   target kind has this id.
 * - `unsupported-capability`: the backend lacks something that the method requires.
 * - `invalid-npz`: an npz archive is malformed or holds an unsupported array.
 * - `aborted`: the work was cancelled through an AbortSignal or an unsubscription.
 * - `backend-failure`: the inference runtime failed while running the model.
 * - `non-finite-output`: the model gave NaN or ±Inf (an output or its score) on a pass.
 * - `output-failure`: an output file or folder cannot be written.
 * - `disposed`: a backend, or one of its services, was used after `dispose()`.
 * - `queue-failure`: a job queue (Redis, for `@polycam/dataset`) cannot be reached or refused a
 *   command.
 */
export type PolycamErrorKind =
  | 'invalid-argument'
  | 'invalid-plugin'
  | 'file-not-found'
  | 'invalid-image'
  | 'invalid-model'
  | 'unknown-layer'
  | 'no-spatial-layer'
  | 'class-out-of-range'
  | 'channel-mismatch'
  | 'unknown-method'
  | 'unsupported-capability'
  | 'invalid-npz'
  | 'aborted'
  | 'backend-failure'
  | 'non-finite-output'
  | 'output-failure'
  | 'disposed'
  | 'queue-failure';
