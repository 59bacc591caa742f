// The entry of a root npm script: importing a script's module runs nothing, running this file does.
import { trainDemoModel } from '../training/trainDemoModel.js';

await trainDemoModel();
