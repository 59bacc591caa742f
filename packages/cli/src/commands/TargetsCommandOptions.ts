/** The raw options of `polycam targets`. */
export interface TargetsCommandOptions {
  /** `--plugin MODULE`, repeatable: plugin modules whose target kinds to list too. */
  readonly plugin: readonly string[];
}
