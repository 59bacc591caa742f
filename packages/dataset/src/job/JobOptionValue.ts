/**
 * The value of one of `polycam explain`'s options as the command line gives it: a string, a
 * flag, or a repeated option's list (`--plugin A --plugin B`).
 */
export type JobOptionValue = string | boolean | readonly string[];
