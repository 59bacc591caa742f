import { binaryMaskModule } from './binaryMaskModule.js';

/**
 * The plugin entry point that `polycam --plugin` looks for: a container module exported as
 * `polycamPlugin` (a default export works too).
 */
export const polycamPlugin = binaryMaskModule;
