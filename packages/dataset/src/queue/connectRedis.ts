import { PolycamError } from '@polycam/core';
import { Redis } from 'ioredis';

/**
 * Opens a connection to Redis for BullMQ, after checking once that the server answers: a bad
 * URL, a refused connection, an unknown host or a refused login fail at once with one line that
 * names the URL and what failed, rather than a stream of reconnection attempts. Once open, the
 * connection reconnects by itself if Redis goes away (BullMQ needs `maxRetriesPerRequest: null`).
 *
 * @param url - `redis://[user:password@]host[:port][/db]` or `rediss://` for TLS.
 * @returns The connection; `quit()` it when done.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `queue-failure`.
 */
export async function connectRedis(url: string): Promise<Redis> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new PolycamError('queue-failure', `'${url}' is not a Redis URL (expected redis://host:port)`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new PolycamError('queue-failure', `'${url}' is not a Redis URL (expected redis://host:port, not ${parsed.protocol}//)`);
  }
  const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => null, connectTimeout: 5000, maxRetriesPerRequest: 0 });
  let cause: Error | undefined;
  probe.on('error', (error: Error) => (cause ??= error));
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    probe.disconnect();
    const why = (cause ?? (error as Error)).message.split('\n')[0];
    throw new PolycamError('queue-failure', `cannot reach Redis at ${url}: ${why}`, { cause: cause ?? error });
  }
  await probe.quit();
  const connection = new Redis(url, { maxRetriesPerRequest: null });
  connection.on('error', () => {});
  return connection;
}
