import type { BackendCapability } from './BackendCapability.js';
import type { GradientProvider } from './GradientProvider.js';
import type { MaskedInputRunner } from './MaskedInputRunner.js';
import type { ModelDescription } from './ModelDescription.js';
import type { RunRequest } from './RunRequest.js';
import type { RunResult } from './RunResult.js';
import type { WeightRandomizer } from './WeightRandomizer.js';

/**
 * A loaded model on some inference runtime. This is the one contract a runtime has to meet for
 * every gradient-free method in polycam to work on it.
 *
 * A backend is long-lived (one per loaded model); it keeps nothing of one run for the next.
 * Third parties can check an implementation with `describeModelBackendConformance` from
 * `@polycam/core/testing`.
 */
export interface ModelBackend {
  /** A short id of the runtime, such as `onnx`. */
  readonly id: string;
  /**
   * What this backend can do. Always contains `forward`; derive it from the optional services
   * below with {@link backendCapabilities}, so that the two cannot disagree.
   */
  readonly capabilities: ReadonlySet<BackendCapability>;
  /** The model's input, output and layers, known once the backend is loaded. */
  readonly description: ModelDescription;
  /** Present only when the backend declares the `gradients` capability. */
  readonly gradients?: GradientProvider;
  /** Present only when the backend declares the `masked-inputs` capability. */
  readonly maskedInputs?: MaskedInputRunner;
  /** Present only when the backend declares the `weight-randomization` capability. */
  readonly weightRandomizer?: WeightRandomizer;

  /**
   * Runs a batch of any size. A backend whose model has a fixed batch axis splits the batch
   * transparently (see {@link runInChunks}).
   *
   * @param request - The batch and the taps to fetch.
   * The backend must be done with `request.input` when the returned promise settles: callers
   * reuse the buffer for the next batch.
   *
   * @param signal - Aborts the run between sub-batches.
   * @returns The outputs and the requested activations, in NCHW.
   * @throws {@link PolycamError} `unknown-layer` for a tap that does not exist,
   *   `invalid-argument` for an input that is not `[N, C, H, W]` (both checked by
   *   {@link checkRunRequest}), `aborted` when the signal fires, `backend-failure` when the
   *   runtime fails.
   */
  run(request: RunRequest, signal?: AbortSignal): Promise<RunResult>;

  /**
   * Releases the runtime's resources. The backend is unusable afterwards.
   *
   * @returns When everything is released.
   */
  dispose(): Promise<void>;
}
