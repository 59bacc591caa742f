import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../packages/cli/src/buildProgram.js';
import { renderCliReference } from './renderCliReference.js';

describe('docs/cli.md', () => {
  it('is what the CLI definitions render (run `npm run docs:cli` after changing a command or flag)', async () => {
    const program = buildProgram({ stdout: new PassThrough(), stderr: new PassThrough() });
    await expect(renderCliReference(program), 'docs/cli.md is out of date: run `npm run docs:cli`').toMatchFileSnapshot('../cli.md');
  });
});
