/**
 * Where a model comes from: a file path, or bytes already in memory.
 */
export type ModelSource =
  | {
      /** The model file's path. */
      readonly path: string;
    }
  | {
      /** The model file's bytes. */
      readonly bytes: Uint8Array;
      /** A name for messages, such as the file name the bytes came from. */
      readonly name?: string;
    };
