import { createFasterPolycamModule } from './createFasterPolycamModule.js';

/**
 * The Faster Poly-CAM container module with the default number of channels per layer. The
 * package also exports it as `polycamPlugin`, the name `polycam explain --plugin` looks for.
 *
 * @example
 * ```sh
 * polycam explain cat.png --plugin @polycam-examples/faster-polycam --method fpcam±
 * ```
 */
export const fasterPolycamModule = createFasterPolycamModule();
