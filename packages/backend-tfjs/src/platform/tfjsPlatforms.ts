import type { TfjsPlatform } from './TfjsPlatform.js';

/** Every {@link TfjsPlatform}, in the order automatic selection prefers them. */
export const tfjsPlatforms: readonly TfjsPlatform[] = ['node-gpu', 'node', 'wasm', 'cpu'];
