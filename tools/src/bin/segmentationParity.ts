// The entry of a root npm script: importing a script's module runs nothing, running this file does.
import { segmentationParity } from '../parity/segmentationParity.js';

await segmentationParity(process.argv.slice(2));
