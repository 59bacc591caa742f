// The entry of a root npm script: importing a script's module runs nothing, running this file does.
import { runBench } from '../bench/runBench.js';

await runBench(process.argv.slice(2));
