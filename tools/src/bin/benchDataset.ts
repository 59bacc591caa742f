// The entry of `npm run bench:dataset`: importing a script's module runs nothing, running this file does.
import { runDatasetBench } from '../dataset/runDatasetBench.js';

await runDatasetBench(process.argv.slice(2));
