/** A result file as its record names it: its name beside the record, its size and its hash. */
export interface FileDigest {
  /** The file's name, in the record's folder. */
  readonly file: string;
  /** Its size in bytes. */
  readonly bytes: number;
  /** The SHA-256 of its content, in hex. */
  readonly sha256: string;
}
