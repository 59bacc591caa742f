import type { AttributionContext } from '../attribution/AttributionContext.js';
import type { AttributionMethod } from '../attribution/AttributionMethod.js';
import { PolycamError } from '../errors/PolycamError.js';
import { relu } from '../kernels/relu.js';
import { saliencyMap } from '../kernels/saliencyMap.js';
import type { Map2D } from '../tensor/Map2D.js';
import type { ExplainStage } from './ExplainResult.js';

/**
 * Runs a pixel-attribution method and turns its raw map `R` into the explanation's one stage:
 * `cam` and `fused` are `ReLU(R)` and `map` is `resize(u(ReLU(R)), H×W)`, as for a CAM.
 *
 * @internal
 * @param context - The image, the model, the target and the accounting.
 * @param inputName - The model input's name, which names the stage.
 * @throws {@link PolycamError} `invalid-plugin` when the map is not the input's size, and
 *   whatever the method throws.
 */
export async function attributionStage(method: AttributionMethod, context: AttributionContext, inputName: string): Promise<ExplainStage> {
  const [, , height, width] = context.input.shape as [number, number, number, number];
  const raw = await method.attribute(context);
  if (raw.height !== height || raw.width !== width || raw.data.length !== height * width) {
    throw new PolycamError(
      'invalid-plugin',
      `method '${method.id}' returned a ${raw.height}×${raw.width} map for a ${height}×${width} input`,
    );
  }
  const cam: Map2D = { height, width, data: relu(raw.data) };
  return { layer: inputName, map: saliencyMap(cam, height, width), cam, fused: cam, weights: new Float32Array(0) };
}
