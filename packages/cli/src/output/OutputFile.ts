/**
 * A file the CLI is about to write.
 */
export interface OutputFile {
  /** Where it goes. */
  readonly path: string;
  /** Its content. */
  readonly bytes: Uint8Array | string;
}
