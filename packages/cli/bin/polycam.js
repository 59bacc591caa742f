#!/usr/bin/env node
// The `polycam` command. The TypeScript sources are compiled to dist/ by `npm ci` (prepare).
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2));
