/**
 * NumPy's `.npy` and `.npz` files: the format of `polycam explain`'s output and of the authors'
 * reference maps. No plugin needs them, so they live apart from the pipeline, with the zip
 * library they bring. Import from `@polycam/core/io`.
 *
 * @packageDocumentation
 */
export { decodeNpy } from './decodeNpy.js';
export { decodeNpz } from './decodeNpz.js';
export { encodeNpy } from './encodeNpy.js';
export { encodeNpz } from './encodeNpz.js';
