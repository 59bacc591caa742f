/**
 * Where the CLI reads its cancellation signal and writes its output. `main` uses the process's
 * streams; tests pass their own.
 */
export interface CliIo {
  /** Results and tables. */
  readonly stdout: NodeJS.WritableStream;
  /** Errors and progress bars. */
  readonly stderr: NodeJS.WritableStream & {
    /** Whether the stream is a terminal; progress bars are drawn only then. */
    isTTY?: boolean;
  };
  /** Cancels a running command (the CLI wires it to Ctrl-C). */
  readonly signal?: AbortSignal;
}
