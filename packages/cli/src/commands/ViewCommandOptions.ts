/** The options of `polycam view`. */
export interface ViewCommandOptions {
  /** `--port`: the port to listen on; 0 for any free port. */
  readonly port: string;
  /** `--host`: the address to listen on. */
  readonly host: string;
}
