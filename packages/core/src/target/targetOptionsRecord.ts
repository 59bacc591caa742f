import { PolycamError } from '../errors/PolycamError.js';

/**
 * A target's options as a record, for its {@link TargetPlugin.check}: an object, or `{}` when
 * absent and `absentAllowed`.
 *
 * @internal
 * @param kind - The target's kind, for the message.
 * @param options - The request's options, of unknown type.
 * @param absentAllowed - Whether undefined options mean the defaults.
 * @returns The options as a record.
 * @throws {@link PolycamError} `invalid-argument` when they are not an object.
 */
export function targetOptionsRecord(kind: string, options: unknown, absentAllowed: boolean): Readonly<Record<string, unknown>> {
  if (options === undefined && absentAllowed) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new PolycamError('invalid-argument', `the ${kind} target's options must be an object, got ${options === null ? 'null' : typeof options}`);
  }
  return options as Record<string, unknown>;
}
