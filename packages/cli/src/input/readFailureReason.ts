const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'does not exist',
  EISDIR: 'is a folder, not a file',
  EACCES: 'cannot be read: permission denied',
  EPERM: 'cannot be read: permission denied',
  ENOTDIR: 'does not exist: a file stands where a folder is needed',
  ENAMETOOLONG: 'has a name that is too long',
  ELOOP: 'is a loop of symbolic links',
};

/**
 * Says in words why an input file (an image, an npz) could not be read, for a one-line message
 * that follows the path: `does not exist`, `is a folder, not a file`, `cannot be read:
 * permission denied`. A code it does not know gets Node's own text without the code.
 *
 * @param error - What the file system threw.
 * @returns The reason, such as `does not exist`.
 */
export function readFailureReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return REASONS[code] ?? `cannot be read (${(error as Error).message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*$/, '')})`;
}
