import { createRequire } from 'node:module';
import { rejectionKindOf } from '@polycam/core/testing';
import { getBackend } from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { activatePlatform } from './activatePlatform.js';

function installed(name: string): boolean {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
}

describe('TF.js platforms', () => {
  it('switches between wasm and cpu on request', async () => {
    expect(await activatePlatform('cpu')).toBe('cpu');
    expect(getBackend()).toBe('cpu');
    expect(await activatePlatform('wasm')).toBe('wasm');
    expect(getBackend()).toBe('wasm');
  });

  it('picks wasm automatically when no native TF.js package is installed', async (context) => {
    if (installed('@tensorflow/tfjs-node') || installed('@tensorflow/tfjs-node-gpu')) context.skip();
    expect(await activatePlatform(undefined)).toBe('wasm');
  });

  it('refuses node and node-gpu when their packages are not installed, naming the package to install', async (context) => {
    if (installed('@tensorflow/tfjs-node-gpu')) context.skip();
    await expect(activatePlatform('node-gpu')).rejects.toThrow(
      "TF.js platform 'node-gpu' needs @tensorflow/tfjs-node-gpu, which is not installed (npm install @tensorflow/tfjs-node-gpu@4.22.0)",
    );
    expect(await rejectionKindOf(activatePlatform('node-gpu'))).toBe('unsupported-capability');
    if (!installed('@tensorflow/tfjs-node')) {
      expect(await rejectionKindOf(activatePlatform('node'))).toBe('unsupported-capability');
    }
  });
});
