/**
 * A cap on the masked forward passes of one explanation (`ExplainRequest.maxPasses`): a number
 * of passes, or a fraction of the passes the exact map would run. The unmasked pass is never
 * counted.
 *
 * - `N` (a positive integer): at most N masked passes.
 * - `{ fraction: f }` with `0 < f ≤ 1`: at most `max(1, floor(f · E))` masked passes, where E is
 *   the exact count, the passes the exact map would run after its exact shortcuts. E is known
 *   only after the unmasked pass, so a fraction is resolved then; the result's
 *   `approximation.exactPasses` reports it.
 */
export type PassBudget =
  | number
  | {
      /** The share of the exact count, in (0, 1]. */
      readonly fraction: number;
    };
