import type { Tensor } from '@polycam/core';
import { planChannelMasks } from '@polycam/core/masking';
import type { LayerSurvey } from './LayerSurvey.js';

/**
 * Surveys a layer's channels for a pass-budget rule: its masks, its distinct non-zero masks and
 * whether a constant channel makes an all-zero mask that still matters.
 *
 * @internal
 * @param activation - The layer's activation, `[K, h, w]`.
 * @returns The survey.
 */
export function surveyLayer(activation: Tensor): LayerSurvey {
  const plan = planChannelMasks(activation);
  const planeSize = plan.height * plan.width;
  const distinct: number[] = [];
  let liveZero = false;
  for (let channel = 0; channel < plan.channels; channel += 1) {
    if (plan.kinds[channel] === 'zero') {
      liveZero ||= activation.data.subarray(channel * planeSize, (channel + 1) * planeSize).some((value) => value !== 0);
    } else if (plan.representative[channel] === channel) {
      distinct.push(channel);
    }
  }
  return { activation, plan, distinct, liveZero };
}
