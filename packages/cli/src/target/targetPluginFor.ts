import { PolycamError, type TargetPlugin } from '@polycam/core';
import { targetKinds } from './targetKinds.js';

/**
 * The plugin that a `KIND:ARGUMENT` text names, with the argument after the first colon (empty
 * when there is none), checked before any model loads.
 *
 * @param text - The text, such as `segmentation:3:mask.png`.
 * @param plugins - The registered target plugins.
 * @param source - Where the text comes from, for the message (`--target`, `classes.csv line 3`).
 * @returns The plugin and the argument.
 * @throws {@link PolycamError} `invalid-argument` for a kind nothing registers, listing those that are with their syntax.
 */
export function targetPluginFor(text: string, plugins: readonly TargetPlugin[], source: string): { readonly plugin: TargetPlugin; readonly argument: string } {
  const colon = text.indexOf(':');
  const kind = colon < 0 ? text : text.slice(0, colon);
  const plugin = plugins.find((candidate) => candidate.id === kind);
  if (plugin === undefined) {
    throw new PolycamError('invalid-argument', `${source} '${text}': unknown target kind '${kind}' (expected KIND:ARGUMENT, one of ${targetKinds(plugins)})`);
  }
  return { plugin, argument: colon < 0 ? '' : text.slice(colon + 1) };
}
