// The entry of a root npm script: importing a script's module runs nothing, running this file does.
import { runFuzz } from '../fuzz/runFuzz.js';

await runFuzz(process.argv.slice(2));
