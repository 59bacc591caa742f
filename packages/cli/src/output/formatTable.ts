/**
 * Lays out rows as a plain-text table with left-aligned, space-padded columns.
 *
 * @param header - The column titles.
 * @param rows - The cells, as text.
 * @returns The table, one line per row, ending in a newline.
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}
