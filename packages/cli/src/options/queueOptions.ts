import { Option } from 'commander';

/**
 * The options that name a dataset queue: `--redis URL` and `--queue NAME` (default `polycam`),
 * shared by `dataset explain`, `dataset status` and `worker`.
 *
 * @param redis - `--redis`'s description.
 * @param required - Whether `--redis` must be given.
 * @returns The two options.
 */
export function queueOptions(redis: string, required: boolean): Option[] {
  const url = new Option('--redis <url>', redis);
  url.mandatory = required;
  return [url, new Option('--queue <name>', 'the queue name').default('polycam')];
}
