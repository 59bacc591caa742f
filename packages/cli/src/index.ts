/**
 * The `polycam` command line, also usable as a library: `main(argv)` runs a command and returns
 * its exit status.
 *
 * @packageDocumentation
 */
export type { CliIo } from './CliIo.js';
export { main } from './main.js';
