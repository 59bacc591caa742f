// The entry of a root npm script: importing a script's module runs nothing, running this file does.
import { printLocalisation } from '../localisation/printLocalisation.js';

await printLocalisation(process.argv.slice(2));
