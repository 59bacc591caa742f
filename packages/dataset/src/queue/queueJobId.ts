import { createHash } from 'node:crypto';

/**
 * A job's id in the BullMQ queue: the first 32 hex digits of the SHA-256 of its key. The same
 * job always gets the same id, so enqueuing it twice makes one queue entry, and the id holds no
 * character that BullMQ refuses (a key's path may hold `:`).
 *
 * @param key - The job's key.
 * @returns The id.
 */
export function queueJobId(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}
