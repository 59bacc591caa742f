import { createPolycamContainer, seededRandom, TOKENS } from '@polycam/core';
import { polycamModule } from '@polycam/method-polycam';
import { ContainerModule } from 'inversify';
import { createToyBackend, describeTargetPluginConformance } from '@polycam/core/testing';
import { describe, expect, it } from 'vitest';
import { ChannelMeanTargetPlugin } from './ChannelMeanTargetPlugin.js';

const random = seededRandom(3);
const output = { name: 'depth', shape: [2, 4, 4], size: 32 };
const unmasked = Float32Array.from({ length: 32 }, () => random() * 2 - 1);

describeTargetPluginConformance(new ChannelMeanTargetPlugin(), [
  { label: 'channel 1 of a [2, 4, 4] output', output, options: { channel: 1 }, unmasked, argument: { text: '1', loader: {} as never }, wrongOutput: { name: 'logits', shape: [5], size: 5 } },
]);

describe('a target plugin in an explainer', () => {
  it('is listed next to the built-in kinds, and refuses a class vector before any pass', async () => {
    const channelMeanModule = new ContainerModule(({ bind }) => {
      bind(TOKENS.TargetPlugin).toConstantValue(new ChannelMeanTargetPlugin());
    });
    const explainer = (await createPolycamContainer(polycamModule, channelMeanModule)).get(TOKENS.Explainer);
    expect(explainer.targets().map((target) => target.id)).toEqual(['class', 'segmentation', 'embedding', 'detection', 'channel-mean']);
    const backend = createToyBackend();
    expect(() => explainer.prepare({ backend, input: { shape: [3, 16, 16], data: new Float32Array(768) }, target: { kind: 'channel-mean', options: { channel: 0 } } })).toThrow(
      'channel-mean needs a [C, H, W] output, not [5]',
    );
  });
});
