import type { ApproximationReport } from '@polycam/core';

/**
 * The summary table's approximation cell: `exact`, or the rule with the masked passes it was
 * allowed out of the exact count, such as `groups 123/494`.
 *
 * @param approximation - The result's approximation, undefined for an exact map.
 * @returns The cell.
 */
export function approximationCell(approximation: ApproximationReport | undefined): string {
  return approximation === undefined ? 'exact' : `${approximation.rule} ${approximation.budget}/${approximation.exactPasses}`;
}
