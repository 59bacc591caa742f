// The entry of a root npm script: importing a script's module runs nothing, running this file does.
import { printPassBudget } from '../budget/printPassBudget.js';

await printPassBudget(process.argv.slice(2));
