import { PolycamError, type ModelDescription, type TargetArgumentLoader, type TargetPlugin, type TargetRequest } from '@polycam/core';
import { targetPluginFor } from './targetPluginFor.js';

/**
 * Turns a `KIND:ARGUMENT` text into a checked {@link TargetRequest}: the registered plugin's
 * `parse` reads the argument (and the files it names, through `loader`), and its `check`
 * validates the options against the explained output, so that a bad target is refused before
 * the first pass. Every error names where the text came from.
 *
 * @param text - The text, such as `segmentation:3:mask.png`.
 * @param plugins - The registered target plugins.
 * @param loader - Reads the files the argument names.
 * @param output - The explained output.
 * @param source - Where the text comes from (`--target`, `classes.csv line 3`).
 * @returns The request's target.
 * @throws {@link PolycamError} `invalid-argument` for an unknown kind, and the plugin's or the
 *   loader's error (a bad class, a missing file) prefixed with the source and the text.
 */
export async function parseTargetText(
  text: string,
  plugins: readonly TargetPlugin[],
  loader: TargetArgumentLoader,
  output: ModelDescription['output'],
  source: string,
): Promise<TargetRequest> {
  const { plugin, argument } = targetPluginFor(text, plugins, source);
  try {
    const options = plugin.check(await plugin.parse(argument, loader), output);
    return { kind: plugin.id, options };
  } catch (error) {
    // A plugin words its errors for `--target KIND:`; the source says where the text came from.
    const own = `--target ${plugin.id}: `;
    const message = PolycamError.is(error) && error.message.startsWith(own) ? error.message.slice(own.length) : (error as Error).message;
    if (PolycamError.is(error)) throw new PolycamError(error.kind, `${source} '${text}': ${message}`, { cause: error });
    throw error;
  }
}
