/**
 * Test helpers for polycam plugins: the shared conformance suites and a tiny reference backend.
 * Import from `@polycam/core/testing` in vitest spec files.
 *
 * @packageDocumentation
 */
export { createToyBackend, type ToyBackendOptions } from './createToyBackend.js';
export { describeAttributionMethodConformance, type AttributionConformanceOptions } from './describeAttributionMethodConformance.js';
export { describeFusionConformance, type FusionConformanceOptions } from './describeFusionConformance.js';
export { describeModelBackendConformance, type BackendConformanceOptions } from './describeModelBackendConformance.js';
export { describeTargetPluginConformance } from './describeTargetPluginConformance.js';
export type { TargetConformanceCase } from './TargetConformanceCase.js';
export { describeWeightingStrategyConformance, type StrategyConformanceOptions } from './describeWeightingStrategyConformance.js';
export { errorKindOf } from './errorKindOf.js';
export { rejectionKindOf } from './rejectionKindOf.js';
