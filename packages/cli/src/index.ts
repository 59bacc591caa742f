/**
 * The `polycam` command line, also usable as a library: `main(argv)` runs a command and returns
 * its exit status; `formatTable` lays out its plain-text tables (the repository's scripts print
 * theirs with it); `startViewServer` serves the in-browser viewer as `polycam view` does.
 *
 * @packageDocumentation
 */
export type { CliIo } from './CliIo.js';
export { main } from './main.js';
export { formatTable } from './output/formatTable.js';
export { startViewServer } from './view/startViewServer.js';
export type { ViewServer } from './view/ViewServer.js';
