import { PolycamError } from '../errors/PolycamError.js';
import type { BackendCapability } from './BackendCapability.js';
import type { ModelBackend } from './ModelBackend.js';

/** Each optional service of a backend, and the capability that declares it. */
const SERVICES = [
  ['gradients', 'gradients'],
  ['maskedInputs', 'masked-inputs'],
  ['weightRandomizer', 'weight-randomization'],
] as const;

/**
 * A backend's capability set, derived from the optional services it provides, so that the set
 * and the members cannot disagree: `forward` always, `gradients` when it has
 * {@link ModelBackend.gradients}, `masked-inputs` when it has {@link ModelBackend.maskedInputs},
 * `weight-randomization` when it has {@link ModelBackend.weightRandomizer}, then any further
 * capabilities of the backend's own.
 *
 * @example
 * ```ts
 * class MyBackend implements ModelBackend {
 *   public readonly maskedInputs = new MyMaskedInputRunner();
 *   public readonly capabilities = backendCapabilities(this); // forward, masked-inputs
 * }
 * ```
 *
 * @param services - The backend, or the optional services it will have.
 * @param extra - Third-party capabilities that no member of {@link ModelBackend} stands for.
 * @returns The capability set.
 * @throws {@link PolycamError} `invalid-argument` when `extra` names a capability that a
 *   service stands for: provide the service instead.
 */
export function backendCapabilities(
  services: ModelBackend | Pick<ModelBackend, 'gradients' | 'maskedInputs' | 'weightRandomizer'>,
  extra: readonly BackendCapability[] = [],
): ReadonlySet<BackendCapability> {
  const capabilities = new Set<BackendCapability>(['forward']);
  for (const [member, capability] of SERVICES) {
    if (extra.includes(capability)) {
      throw new PolycamError('invalid-plugin', `'${capability}' is declared by providing ${member}, not as an extra capability`);
    }
    if (services[member] !== undefined) capabilities.add(capability);
  }
  for (const capability of extra) capabilities.add(capability);
  return capabilities;
}
