import type { ModelCliOptions } from '../model/ModelCliOptions.js';

/** The raw options of `polycam layers`: the shared model options only. */
export type LayersCommandOptions = ModelCliOptions;
