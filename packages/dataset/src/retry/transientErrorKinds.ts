import type { PolycamErrorKind } from '@polycam/core';

/**
 * The error kinds that a dataset job retries, because running it again may succeed:
 *
 * - `backend-failure`: the inference runtime failed (out of memory, a device lost);
 * - `output-failure`: a result could not be written (a full disk, a shared file system's
 *   hiccup).
 *
 * A worker process that dies mid-job (killed, crashed) is retried too. Every other kind is
 * permanent and fails the job at once: the image is bad (`invalid-image`, `file-not-found`),
 * the model gives NaN on it (`non-finite-output`, which is deterministic), or the configuration
 * is wrong (see {@link configurationErrorKinds}); an error that is not a `PolycamError` is a
 * bug, which running again would repeat.
 */
export const transientErrorKinds: readonly PolycamErrorKind[] = ['backend-failure', 'output-failure'];
