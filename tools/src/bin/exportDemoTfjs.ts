// The entry of a root npm script: importing a script's module runs nothing, running this file does.
import { exportBundledModelToTfjs } from '../training/exportBundledModelToTfjs.js';

await exportBundledModelToTfjs();
