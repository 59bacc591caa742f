#!/usr/bin/env node
// The `polycam` command. The TypeScript sources are compiled to dist/ by `npm ci` (prepare).
import { main } from '../dist/main.js';

// `polycam layers | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
