import { describe, expect, it } from 'vitest';
import { catchPolycamError } from './catchPolycamError.testkit.js';
import { parseLayerSelection } from './parseLayerSelection.js';

describe('parseLayerSelection', () => {
  it.each([['auto'], [' auto '], ['auto\n']])("reads '%s' as auto", (text) => {
    expect(parseLayerSelection(text)).toBe('auto');
  });

  it('splits names on commas, trimming them, keeping their order and dropping empty entries', () => {
    expect(parseLayerSelection('/features/features.4/Relu_output_0, relu1,,/b ')).toEqual([
      '/features/features.4/Relu_output_0',
      'relu1',
      '/b',
    ]);
  });

  it('takes a single name', () => {
    expect(parseLayerSelection('/layer4/layer4.1/Relu')).toEqual(['/layer4/layer4.1/Relu']);
  });

  it("refuses 'auto' mixed with layer names", () => {
    const error = catchPolycamError(() => parseLayerSelection('auto,relu1'));
    expect(error.kind).toBe('invalid-argument');
    expect(error.message).toMatch(/either 'auto' or layer names, not both/);
  });

  it.each([[''], [','], [' , ,']])("rejects '%s'", (text) => {
    const error = catchPolycamError(() => parseLayerSelection(text));
    expect(error.kind).toBe('invalid-argument');
    expect(error.message).toBe(`--layers expects 'auto' or comma-separated layer names, got '${text}'`);
  });
});
