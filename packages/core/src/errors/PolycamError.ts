import type { PolycamErrorKind } from './PolycamErrorKind.js';

/**
 * The one error class that polycam throws on purpose. Its message is a single line that names
 * the problem; its {@link PolycamErrorKind | kind} lets code react without parsing text.
 *
 * @example
 * ```ts
 * try {
 *   await explainer.explain(request);
 * } catch (error) {
 *   if (error instanceof PolycamError && error.kind === 'unknown-layer') {
 *     console.error(error.message); // names the nearest layers that do exist
 *   }
 * }
 * ```
 */
export class PolycamError extends Error {
  /** What went wrong, as a stable machine-readable tag. */
  public readonly kind: PolycamErrorKind;

  /**
   * @param kind - The stable tag of the failure.
   * @param message - One line that names the problem for a person.
   * @param options - The underlying error, when there is one.
   */
  public constructor(kind: PolycamErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PolycamError';
    this.kind = kind;
  }

  /**
   * Tells whether a value is a {@link PolycamError}, optionally of one kind. This works across
   * duplicated copies of the package, where `instanceof` may not.
   *
   * @param value - Any caught value.
   * @param kind - The kind to match; any kind when omitted.
   * @returns True when `value` is a polycam error (of that kind).
   */
  public static is(value: unknown, kind?: PolycamErrorKind): value is PolycamError {
    if (!(value instanceof Error) || value.name !== 'PolycamError' || !('kind' in value)) {
      return false;
    }
    return kind === undefined || (value as PolycamError).kind === kind;
  }
}
