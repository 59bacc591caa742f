import type { TargetPlugin } from '@polycam/core';

/**
 * The registered target kinds as `--target` takes them, for help and errors: each id with its
 * syntax, such as `class:CLASS, segmentation:CLASS[:MASK.png]`.
 *
 * @param plugins - The registered target plugins.
 * @returns The kinds, comma-separated (`none` when there are none).
 */
export function targetKinds(plugins: readonly TargetPlugin[]): string {
  return plugins.map((plugin) => (plugin.syntax === '' ? plugin.id : `${plugin.id}:${plugin.syntax}`)).join(', ') || 'none';
}
