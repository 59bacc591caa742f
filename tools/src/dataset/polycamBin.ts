import { fileURLToPath } from 'node:url';

/** The compiled `polycam` binary that the dataset bench runs as a user would. */
export const polycamBin = fileURLToPath(new URL('../../../packages/cli/bin/polycam.js', import.meta.url));
