import { describe, expect, it } from 'vitest';
import { catchPolycamError } from './catchPolycamError.testkit.js';
import { parseScoreFunction } from './parseScoreFunction.js';

describe('parseScoreFunction', () => {
  it.each([['softmax'], ['sigmoid'], ['identity']] as const)('accepts %s', (text) => {
    expect(parseScoreFunction(text)).toBe(text);
  });

  it.each([['Softmax'], [' softmax'], ['logit'], ['']])("rejects '%s'", (text) => {
    const error = catchPolycamError(() => parseScoreFunction(text));
    expect(error.kind).toBe('invalid-argument');
    expect(error.message).toBe(`--score expects softmax, sigmoid or identity, got '${text}'`);
  });
});
