import { PolycamError } from '@polycam/core';
import type { RelevanceBaseline } from './RelevanceBaseline.js';

/**
 * Checks a baseline option before any work is done.
 *
 * @internal
 * @param baseline - The option as given.
 * @throws {@link PolycamError} `invalid-argument` for anything but `'blur'`, `'zero'` or
 *   `{ constant: v }` with a finite `v`.
 */
export function checkBaseline(baseline: RelevanceBaseline): void {
  if (baseline === 'blur' || baseline === 'zero') return;
  if (typeof baseline === 'object' && baseline !== null && Number.isFinite(baseline.constant)) return;
  throw new PolycamError(
    'invalid-argument',
    `unknown baseline ${JSON.stringify(baseline)} (expected 'blur', 'zero' or { constant: <finite number> })`,
  );
}
