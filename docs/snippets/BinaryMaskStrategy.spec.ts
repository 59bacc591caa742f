import { describeWeightingStrategyConformance } from '@polycam/core/testing';
import { BinaryMaskStrategy } from './BinaryMaskStrategy.js';

describeWeightingStrategyConformance('binary-cic', () => new BinaryMaskStrategy());
