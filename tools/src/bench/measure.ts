/**
 * Times an async task in milliseconds.
 *
 * @param task - The work to time.
 * @returns The elapsed wall-clock milliseconds and the task's result.
 */
export async function measure<T>(task: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await task();
  return { ms: performance.now() - start, value };
}
