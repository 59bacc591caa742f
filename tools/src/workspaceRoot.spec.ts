import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceRoot } from './workspaceRoot.js';

describe('workspaceRoot', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'polycam-root-'));
    await writeFile(join(root, 'package.json'), JSON.stringify({ name: 'root', workspaces: ['packages/a'] }));
    await mkdir(join(root, 'packages', 'a', 'src'), { recursive: true });
    await writeFile(join(root, 'packages', 'a', 'package.json'), JSON.stringify({ name: 'a' }));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('walks up past packages without workspaces to the one that declares them', () => {
    expect(workspaceRoot(join(root, 'packages', 'a', 'src'))).toBe(root);
    expect(workspaceRoot(root)).toBe(root);
  });

  it('finds this repository from the working directory vitest runs in', () => {
    expect(workspaceRoot()).toBe(process.cwd());
  });

  it('says so when there is none', async () => {
    const lonely = await mkdtemp(join(tmpdir(), 'polycam-lonely-'));
    try {
      expect(() => workspaceRoot(lonely)).toThrow(/no npm workspace root/);
    } finally {
      await rm(lonely, { recursive: true, force: true });
    }
  });
});
