import { TOKENS, type ExplainResult, type ModelBackend, type Tensor } from '@polycam/core';
import type { Container } from 'inversify';
import { lastValueFrom, filter, map, tap } from 'rxjs';

/**
 * Explains an image with `explain$()`, the Observable form of the same work: it logs progress
 * and each finished layer,; unsubscribing would cancel the work.
 *
 * @param container - A container made by `createPolycamContainer`.
 * @param backend - The loaded model.
 * @param input - The preprocessed image.
 * @param log - Where to write progress lines.
 * @returns The final result.
 */
export async function explainWithProgress(
  container: Container,
  backend: ModelBackend,
  input: Tensor,
  log: (line: string) => void,
): Promise<ExplainResult> {
  const events$ = container.get(TOKENS.Explainer).explain$({ backend, input, method: 'pcam+' });
  return lastValueFrom(
    events$.pipe(
      tap((event) => {
        if (event.type === 'progress') log(`${event.done}/${event.total} evaluations`);
        if (event.type === 'layer') log(`fused ${event.stage.layer}`);
      }),
      filter((event) => event.type === 'result'),
      map((event) => event.result),
    ),
  );
}
