import type { MethodPreset } from '@polycam/core';

/**
 * The three Poly-CAM presets, with LNorm fusion: `pcam+` (CIC), `pcam-` (CDC) and `pcam±`
 * (CVC). Each also answers to an ASCII alias (`pcamp`, `pcamm`, `pcampm`), the names used by
 * the authors' code and npz files.
 */
export const polycamPresets: readonly MethodPreset[] = [
  {
    id: 'pcam+',
    aliases: ['pcamp'],
    strategy: 'cic',
    fusion: 'lnorm',
    description: 'Poly-CAM with CIC weights (increase of confidence), fused with LNorm',
  },
  {
    id: 'pcam-',
    aliases: ['pcamm', 'pcam−'],
    strategy: 'cdc',
    fusion: 'lnorm',
    description: 'Poly-CAM with CDC weights (decrease of confidence), fused with LNorm',
  },
  {
    id: 'pcam±',
    aliases: ['pcampm', 'pcam+-', 'pcam+/-'],
    strategy: 'cvc',
    fusion: 'lnorm',
    description: 'Poly-CAM with CVC weights (variation of confidence), fused with LNorm',
  },
];
