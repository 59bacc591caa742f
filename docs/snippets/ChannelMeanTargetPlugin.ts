import { PolycamError, type ModelDescription, type TargetFunction, type TargetPlugin } from '@polycam/core';

/** The options of {@link ChannelMeanTargetPlugin}: the channel whose mean is explained. */
export interface ChannelMeanOptions {
  readonly channel: number;
}

/**
 * A target kind of one's own: the mean of one channel of a `[C, H, W]` output (a depth or
 * saliency head, say), `s = (1 / HW) Σ_p z[c, p]`, with its exact gradient `1 / HW` over the
 * channel. `--target channel-mean:C` on the command line, once the plugin is loaded.
 */
export class ChannelMeanTargetPlugin implements TargetPlugin<ChannelMeanOptions> {
  public readonly id = 'channel-mean';
  public readonly description = 'the mean of one channel of a [C, H, W] output';
  public readonly syntax = 'CHANNEL';

  public async parse(argument: string): Promise<ChannelMeanOptions> {
    if (!/^\d+$/.test(argument)) throw new PolycamError('invalid-argument', `--target channel-mean: expected a channel index, got '${argument}'`);
    return { channel: Number(argument) };
  }

  public check(options: unknown, output: ModelDescription['output']): ChannelMeanOptions {
    if (output.shape.length !== 3) {
      throw new PolycamError('invalid-argument', `channel-mean needs a [C, H, W] output, not [${output.shape.join(', ')}]`);
    }
    const channel = (options as Partial<ChannelMeanOptions> | undefined)?.channel;
    if (typeof channel !== 'number' || !Number.isInteger(channel) || channel < 0 || channel >= output.shape[0]!) {
      throw new PolycamError('class-out-of-range', `channel ${String(channel)} is not one of the output's ${output.shape[0]}`);
    }
    return { channel };
  }

  public bind({ channel }: ChannelMeanOptions, { output }: { output: ModelDescription['output'] }): TargetFunction {
    const plane = output.shape[1]! * output.shape[2]!;
    return {
      label: `mean of channel ${channel}`,
      score: (z) => {
        let total = 0;
        for (let pixel = 0; pixel < plane; pixel += 1) total += z[channel * plane + pixel]!;
        return Math.fround(total / plane);
      },
      gradient: (z) => new Float32Array(z.length).fill(1 / plane, channel * plane, (channel + 1) * plane),
    };
  }
}
