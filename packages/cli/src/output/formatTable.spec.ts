import { describe, expect, it } from 'vitest';
import { formatTable } from './formatTable.js';

describe('formatTable', () => {
  it('pads each column to its widest cell, two spaces apart, one line per row', () => {
    const table = formatTable(['image', 'class', 'score'], [
      ['cat.png', '281', '0.9123'],
      ['a-longer-name.jpg', '7', '0.5'],
    ]);
    expect(table).toBe(
      'image              class  score\n' +
        'cat.png            281    0.9123\n' +
        'a-longer-name.jpg  7      0.5\n',
    );
  });

  it('widens a column to its title when the title is the longest', () => {
    expect(formatTable(['#', 'passes run/saved'], [['0', '1/2']])).toBe('#  passes run/saved\n0  1/2\n');
  });

  it('trims trailing spaces, as when the last cells are empty', () => {
    const table = formatTable(['#', 'auto', 'layer'], [['0', '*', 'relu'], ['1', '', '']]);
    expect(table).toBe('#  auto  layer\n0  *     relu\n1\n');
    for (const line of table.split('\n')) expect(line).toBe(line.trimEnd());
  });

  it('treats missing cells as empty', () => {
    expect(formatTable(['a', 'b', 'c'], [['1'], ['22', '3']])).toBe('a   b  c\n1\n22  3\n');
  });

  it('prints only the header for no rows, ending with a newline', () => {
    expect(formatTable(['image', 'class'], [])).toBe('image  class\n');
  });
});
