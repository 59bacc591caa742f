import { describeAttributionMethodConformance } from '@polycam/core/testing';
import { RiseMethod } from '@polycam/method-baselines';

// 40 masks instead of 4000: the toy model's input is 16×16, and each check explains a few times.
describeAttributionMethodConformance('rise', () => new RiseMethod({ masks: 40, cells: 4 }));
