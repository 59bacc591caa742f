import { createToyBackend, describeWeightingStrategyConformance } from '@polycam/core/testing';
import { CdcStrategy, CicStrategy, CvcStrategy } from '@polycam/method-polycam';

const strategies = [
  ['cic', () => new CicStrategy()],
  ['cdc', () => new CdcStrategy()],
  ['cvc', () => new CvcStrategy()],
] as const;

for (const [name, create] of strategies) {
  describeWeightingStrategyConformance(name, create);
  describeWeightingStrategyConformance(`${name} on a backend with masked-inputs`, create, {
    createBackend: async () => createToyBackend({ maskedInputs: true }),
  });
}
