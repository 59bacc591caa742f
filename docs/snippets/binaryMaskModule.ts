import { TOKENS } from '@polycam/core';
import { ContainerModule } from 'inversify';
import { BinaryMaskStrategy } from './BinaryMaskStrategy.js';

/**
 * Registers the `binary-cic` strategy, and a preset that pairs it with Poly-CAM's LNorm fusion
 * under the name `binary-pcam`. Load it next to `polycamModule`, which provides the fusion.
 */
export const binaryMaskModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.WeightingStrategy).toConstantValue(new BinaryMaskStrategy());
  bind(TOKENS.MethodPreset).toConstantValue({
    id: 'binary-pcam',
    aliases: [],
    strategy: 'binary-cic',
    fusion: 'lnorm',
    description: 'binary channel masks (binary-cic) fused with LNorm',
  });
});
