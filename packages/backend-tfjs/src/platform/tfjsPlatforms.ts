import type { TfjsPlatform } from './TfjsPlatform.js';

/** Every {@link TfjsPlatform}: the bundled ones first, then the native ones. */
export const tfjsPlatforms: readonly TfjsPlatform[] = ['wasm', 'cpu', 'node', 'node-gpu'];
