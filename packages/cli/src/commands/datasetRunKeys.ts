/**
 * The options of `polycam dataset explain` that belong to the run rather than to its jobs:
 * where results go, how many workers, what else to write, retries and the queue, and the
 * execution-only `--threads` and the model's path (the model enters a job's key by its content
 * instead), and `--target` and `--classes`, which become each job's own target (in its key). Every other option is one of explain's, passed to the jobs and hashed into their keys.
 */
export const datasetRunKeys: readonly string[] = ['out', 'workers', 'overlay', 'metrics', 'steps', 'baseline', 'retries', 'redis', 'queue', 'threads', 'model', 'method', 'target', 'classes'];
