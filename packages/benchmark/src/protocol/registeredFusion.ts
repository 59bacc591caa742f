import { PolycamError, type Explainer, type Fusion } from '@polycam/core';

/**
 * Finds a fusion the explainer has registered.
 *
 * @param explainer - The explainer.
 * @param id - The fusion's id, such as `no-lnorm`.
 * @returns The fusion.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `unknown-method` when no fusion has that id.
 */
export function registeredFusion(explainer: Explainer, id: string): Fusion {
  const fusion = explainer.fusions().find((candidate) => candidate.id === id);
  if (fusion === undefined) {
    throw new PolycamError('unknown-method', `unknown fusion '${id}' (available: ${explainer.fusions().map((known) => known.id).join(', ')})`);
  }
  return fusion;
}
