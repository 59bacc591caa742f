import { PolycamError } from '../errors/PolycamError.js';
import { throwIfAborted } from '../errors/throwIfAborted.js';
import { nearestNames } from '../layers/nearestNames.js';
import type { ModelDescription } from './ModelDescription.js';
import type { RunRequest } from './RunRequest.js';

/**
 * Checks a run request against a model before any inference, as every {@link ModelBackend.run}
 * must: the signal, then each tap, then the input's shape. A backend calls it first thing and
 * keeps only what is its own (feeding the runtime, converting layouts).
 *
 * @example
 * ```ts
 * public async run(request: RunRequest, signal?: AbortSignal): Promise<RunResult> {
 *   const taps = checkRunRequest(this.description, request, signal);
 *   // ... run the batch and fetch `taps`
 * }
 * ```
 *
 * @param description - The model's description: its layers and `[C, H, W]` input.
 * @param request - The batch `[N, C, H, W]` (N ≥ 1, NCHW whatever the model's layout) and its
 *   taps.
 * @param signal - Refused when it has already fired.
 * @returns The requested taps, each once, in the order first requested.
 * @throws {@link PolycamError} `aborted` when the signal has fired, `unknown-layer` for a tap
 *   that is not one of the description's layers (naming the nearest ones), `invalid-argument`
 *   for an input that is not `[N, C, H, W]` with N ≥ 1, or whose data has another length.
 */
export function checkRunRequest(description: ModelDescription, request: RunRequest, signal?: AbortSignal): string[] {
  throwIfAborted(signal);
  const taps = [...new Set(request.taps ?? [])];
  const names = description.layers.map((layer) => layer.name);
  const known = new Set(names);
  for (const tap of taps) {
    if (!known.has(tap)) {
      const nearest = nearestNames(tap, names);
      throw new PolycamError(
        'unknown-layer',
        nearest.length === 0 ? `layer '${tap}' does not exist: the model has no layers to tap` : `layer '${tap}' does not exist; nearest: ${nearest.join(', ')}`,
      );
    }
  }
  const imageShape = description.input.shape;
  const { shape, data } = request.input;
  const [count, ...rest] = shape;
  if (count === undefined || !(count >= 1) || rest.join() !== imageShape.join()) {
    throw new PolycamError('invalid-argument', `the model takes [N,${imageShape.join(',')}] inputs, got [${shape.join(',')}]`);
  }
  const expected = count * imageShape[0] * imageShape[1] * imageShape[2];
  if (data.length !== expected) {
    throw new PolycamError('invalid-argument', `an input of shape [${shape.join(',')}] holds ${expected} values, got ${data.length}`);
  }
  return taps;
}
