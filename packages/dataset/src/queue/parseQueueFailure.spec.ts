import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseQueueFailure } from './parseQueueFailure.js';
import { queueFailureReason } from './queueFailureReason.js';
import { queueJobId } from './queueJobId.js';

describe('the queue’s failure reasons and job ids', () => {
  it('carries the kind in the reason and reads it back', () => {
    const text = queueFailureReason({ kind: 'invalid-image', reason: "'a.png' is not a readable image (bad)" });
    expect(text).toBe("[invalid-image] 'a.png' is not a readable image (bad)");
    expect(parseQueueFailure(text)).toMatchObject({ kind: 'invalid-image', reason: "'a.png' is not a readable image (bad)" });
  });

  it("reads BullMQ's own reasons (a job stalled too often) as a lost worker", () => {
    expect(parseQueueFailure('job stalled more than allowable limit')).toMatchObject({ kind: 'worker-lost', reason: 'job stalled more than allowable limit' });
  });

  it('names a job by the first 32 hex digits of its key’s SHA-256, with no colon whatever the path holds', () => {
    const key = 'dir:with:colons/cat.png#pcampm-0123456789ab';
    expect(queueJobId(key)).toBe(createHash('sha256').update(key).digest('hex').slice(0, 32));
    expect(queueJobId(key)).not.toContain(':');
    expect(queueJobId(`${key}x`)).not.toBe(queueJobId(key));
  });
});
