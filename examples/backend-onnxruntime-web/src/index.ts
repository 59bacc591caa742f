/**
 * Work in progress.
 *
 * @packageDocumentation
 */
export {};
