import type { TfjsPlatform } from './TfjsPlatform.js';

/**
 * The name TF.js registers a platform's backend under (`tensorflow` for both native platforms),
 * as `tf.getBackend()` reports it.
 *
 * @internal
 * @returns The TF.js backend name.
 */
export function tfBackendName(platform: TfjsPlatform): string {
  return platform === 'node' || platform === 'node-gpu' ? 'tensorflow' : platform;
}
