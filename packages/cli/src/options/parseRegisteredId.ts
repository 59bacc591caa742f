import { InvalidArgumentError } from 'commander';

/**
 * Checks an option's value against the ids the loaded plugins registered (fusions, weighting
 * strategies), after parsing, when the container is known. An unknown id is an invalid value,
 * worded as commander words a bad choice, and `main` exits with status 1 for it.
 *
 * @param flag - The option as the help shows it, such as `--fusion <id>`.
 * @param value - The value given.
 * @param registered - The registered plugins of that kind.
 * @param noun - What they are, in the plural, such as `fusions`.
 * @returns The value.
 * @throws InvalidArgumentError for an id that is not registered, listing those that are.
 */
export function parseRegisteredId(flag: string, value: string, registered: readonly { readonly id: string }[], noun: string): string {
  if (registered.some((plugin) => plugin.id === value)) return value;
  const known = registered.map((plugin) => plugin.id).join(', ') || 'none';
  throw new InvalidArgumentError(`option '${flag}' argument '${value}' is invalid. Registered ${noun}: ${known}.`);
}
