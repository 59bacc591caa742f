import type { MethodPreset } from '@polycam/core';

/**
 * The Faster Poly-CAM presets, fused with Poly-CAM's LNorm: `fpcam+` (faster CIC), `fpcam-`
 * (faster CDC) and `fpcam±` (faster CVC), with ASCII aliases `fpcamp`, `fpcamm` and `fpcampm`.
 * They need the `lnorm` fusion, which `polycamModule` from `@polycam/method-polycam` binds.
 */
export const fasterPolycamPresets: readonly MethodPreset[] = [
  {
    id: 'fpcam+',
    aliases: ['fpcamp', 'faster-pcam+'],
    strategy: 'faster-cic',
    fusion: 'lnorm',
    description: 'Faster Poly-CAM: CIC on the highest-variance channels of each layer, fused with LNorm',
  },
  {
    id: 'fpcam-',
    aliases: ['fpcamm', 'faster-pcam-'],
    strategy: 'faster-cdc',
    fusion: 'lnorm',
    description: 'Faster Poly-CAM: CDC on the highest-variance channels of each layer, fused with LNorm',
  },
  {
    id: 'fpcam±',
    aliases: ['fpcampm', 'faster-pcam±', 'fpcam+-'],
    strategy: 'faster-cvc',
    fusion: 'lnorm',
    description: 'Faster Poly-CAM: CVC on the highest-variance channels of each layer, fused with LNorm',
  },
];
