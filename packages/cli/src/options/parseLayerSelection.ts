import { PolycamError, type LayerSelection } from '@polycam/core';

/**
 * Parses `--layers`: `auto`, `last` (the deepest layer `auto` picks), or comma-separated tensor
 * or node names.
 *
 * @param text - The text given.
 * @returns The selection.
 * @throws {@link PolycamError} `invalid-argument` for an empty list.
 */
export function parseLayerSelection(text: string): LayerSelection {
  if (text.trim() === 'auto') return 'auto';
  if (text.trim() === 'last') return 'last';
  const names = text.split(',').map((name) => name.trim()).filter((name) => name.length > 0);
  if (names.includes('auto')) {
    throw new PolycamError('invalid-argument', "--layers takes either 'auto' or layer names, not both");
  }
  if (names.length === 0) {
    throw new PolycamError('invalid-argument', `--layers expects 'auto' or comma-separated layer names, got '${text}'`);
  }
  return names;
}
