/**
 * Metrics for saliency maps. This first part measures localisation against ground-truth masks:
 * the pointing game and the energy-based pointing game.
 *
 * @packageDocumentation
 */
export { energyInMask } from './localisation/energyInMask.js';
export { pointingGame } from './localisation/pointingGame.js';
