import { describeWeightingStrategyConformance } from '@polycam/core/testing';
import { CdcStrategy, CicStrategy, CvcStrategy } from '@polycam/method-polycam';

describeWeightingStrategyConformance('cic', () => new CicStrategy());
describeWeightingStrategyConformance('cdc', () => new CdcStrategy());
describeWeightingStrategyConformance('cvc', () => new CvcStrategy());
