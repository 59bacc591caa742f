import { describeAttributionMethodConformance } from '@polycam/core/testing';
import { OcclusionMethod } from '@polycam/method-baselines';

// A 6-pixel patch every 5 pixels: 9 positions on the toy model's 16×16 input.
describeAttributionMethodConformance('occlusion', () => new OcclusionMethod({ patch: 6, stride: 5 }));
