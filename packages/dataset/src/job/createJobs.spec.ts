import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { jobFiles } from '../output/jobFiles.js';
import { configId } from './configId.js';
import { createJobs } from './createJobs.js';
import type { JobConfig } from './JobConfig.js';

const config: JobConfig = { method: 'pcam±', options: { batchSize: '32' }, model: '/models/m.onnx', modelHash: 'ab'.repeat(32) };
const images = [
  { relativePath: 'a/cat.png', path: '/in/a/cat.png' },
  { relativePath: 'dog.png', path: '/in/dog.png' },
];

describe('createJobs', () => {
  it('keys a job without a target by its image and configuration only', () => {
    const [cat, dog] = createJobs(images, config, '/out', { overlay: false });
    const id = configId(config);
    expect(cat!.job).toEqual({ key: `a/cat.png#${id}`, relativePath: 'a/cat.png', image: '/in/a/cat.png', configId: id });
    expect(dog!.job.key).toBe(`dog.png#${id}`);
  });

  it("adds the hash of an image's own target to its key, so that another class is another job at the same place", () => {
    const id = configId(config);
    const [three, plain] = createJobs(images, config, '/out', { overlay: false }, [{ classIndex: 3 }, undefined]);
    // The hash of the target's canonical JSON, computed here independently.
    const digest = createHash('sha256').update('{"classIndex":3}').digest('hex').slice(0, 12);
    expect(three!.job.key).toBe(`a/cat.png#${id}#${digest}`);
    expect(three!.job.target).toEqual({ classIndex: 3 });
    expect(plain!.job.key).toBe(`dog.png#${id}`);
    expect('target' in plain!.job).toBe(false);

    const [five] = createJobs(images, config, '/out', { overlay: false }, [{ classIndex: 5 }]);
    const [segmentation] = createJobs(images, config, '/out', { overlay: false }, [{ target: 'segmentation:3', folder: '/in' }]);
    const [elsewhere] = createJobs(images, config, '/out', { overlay: false }, [{ target: 'segmentation:3', folder: '/other' }]);
    expect(new Set([three!.job.key, five!.job.key, segmentation!.job.key, elsewhere!.job.key]).size).toBe(4);
    expect(jobFiles('/out', five!.job)).toEqual(jobFiles('/out', three!.job));
  });
});
