/**
 * Test helpers.
 *
 * @packageDocumentation
 */
export {};
