// The entry of a root npm script: importing a script's module runs nothing, running this file does.
import { trainDemoSegmentationModel } from '../training/trainDemoSegmentationModel.js';

await trainDemoSegmentationModel();
