import { fileURLToPath } from 'node:url';
import { rejectionKindOf } from '@polycam/core/testing';
import { describe, expect, it } from 'vitest';
import { loadPlugins } from './loadPlugins.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

async function messageOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  return 'resolved';
}

describe('loadPlugins', () => {
  it('loads a file relative to the working folder, and an installed package by name', async () => {
    const modules = await loadPlugins(['./meanCamPlugin.mjs', '@polycam-examples/faster-polycam'], fixtures);
    expect(modules).toHaveLength(2);
    expect(modules.every((module) => typeof module.id === 'number' && typeof module.load === 'function')).toBe(true);
  });

  it('loads nothing when no plugin is named', async () => {
    expect(await loadPlugins([], fixtures)).toEqual([]);
  });

  it('refuses a missing file or package with file-not-found', async () => {
    expect(await rejectionKindOf(loadPlugins(['./no-such-plugin.js'], fixtures))).toBe('file-not-found');
    expect(await messageOf(loadPlugins(['./no-such-plugin.js'], fixtures))).toMatch(/^plugin '\.\/no-such-plugin\.js' not found: no file at \S+no-such-plugin\.js$/);
    expect(await rejectionKindOf(loadPlugins(['no-such-polycam-plugin'], fixtures))).toBe('file-not-found');
    expect(await messageOf(loadPlugins(['no-such-polycam-plugin'], fixtures))).toBe(
      "plugin 'no-such-polycam-plugin' not found: it is neither a file nor an installed package",
    );
  });

  it('refuses a module that exports no container module, naming the export convention', async () => {
    expect(await rejectionKindOf(loadPlugins(['./notAPlugin.mjs'], fixtures))).toBe('invalid-plugin');
    expect(await messageOf(loadPlugins(['./notAPlugin.mjs'], fixtures))).toBe(
      "plugin './notAPlugin.mjs' exports no container module: export one as 'polycamPlugin' or as the default export",
    );
  });

  it('reports a module that throws while loading, in one line', async () => {
    expect(await rejectionKindOf(loadPlugins(['./throwingPlugin.mjs'], fixtures))).toBe('invalid-plugin');
    expect(await messageOf(loadPlugins(['./throwingPlugin.mjs'], fixtures))).toBe(
      "plugin './throwingPlugin.mjs' failed to load: this plugin is broken on purpose",
    );
  });
});
