/**
 * Where a model comes from: a file path, or bytes already in memory.
 */
export type ModelSource =
  | { readonly path: string }
  | { readonly bytes: Uint8Array; readonly name?: string };
