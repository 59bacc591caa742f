/** A running `polycam view` server. */
export interface ViewServer {
  /** Its address, such as `http://127.0.0.1:5180/`. */
  readonly url: string;
  /** Stops it, closing open connections. */
  close(): Promise<void>;
}
