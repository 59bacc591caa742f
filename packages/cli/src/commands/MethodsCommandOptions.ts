/** The raw options of `polycam methods`. */
export interface MethodsCommandOptions {
  /** `--plugin MODULE`, repeatable: plugin modules whose methods to list too. */
  readonly plugin: readonly string[];
}
