// The entry of `npm run bench:browser`: importing the bench's module runs nothing, running this file does.
import { runBrowserBench } from '../bench/benchBrowser.js';

await runBrowserBench(process.argv.slice(2));
