/** One model's memory figures for one PCAM± map, measured by {@link benchMemory} in a fresh process. */
export interface MemoryFigures {
  /** The number of tapped layers (the preset's `auto` selection). */
  readonly layers: number;
  /** Their channels, summed. */
  readonly channels: number;
  /** The activations themselves: the sum over the tapped layers of K·h·w·4 bytes. */
  readonly activationBytes: number;
  /** Images per map: the unmasked pass plus the masked passes run. */
  readonly passesRun: number;
  /** Peak resident memory of the process once it had loaded the model, before any pass. */
  readonly baselineRssBytes: number;
  /** Peak resident memory of the process at the end of the map. */
  readonly peakRssBytes: number;
}
