import type { Command } from 'commander';
import { addTargetOptions } from './addTargetOptions.js';

/**
 * Declares the options that say how `polycam explain` explains an image (`--method`, `--class`,
 * `--target`, `--classes`, `--layers`, `--batch-size`, `--fusion`, `--strategy`, `--score`, `--max-passes`,
 * `--budget-rule`), once for `explain` and for
 * `dataset explain`, which passes every one of them to its jobs and hashes them into the jobs'
 * keys: an option added here reaches both commands, and changing its value makes new jobs.
 *
 * @param command - The command to extend.
 * @returns The same command.
 */
export function addExplainOptions(command: Command): Command {
  return addTargetOptions(
    command.option('--method <name>', "pcam±, pcam+, pcam-, or any method 'polycam methods' lists (grad-cam, score-cam, rise, ...)", 'pcam±'),
    'explain',
  )
    .option('--layers <names>', "'auto', 'last' or comma-separated layer names (see 'polycam layers'); default: the method's own (auto, or last for single-layer methods)")
    .option('--batch-size <n>', 'masked images per forward run', '32')
    .option('--fusion <id>', "override the preset's fusion: lnorm, no-lnorm, single-layer (ablations) or a plugin's")
    .option('--strategy <id>', "override the preset's weighting strategy: cic, cdc, cvc, score-cam, grad-cam, ... or a plugin's")
    .option('--score <fn>', 'how the output becomes a score: softmax, sigmoid or identity', 'softmax')
    .option(
      '--max-passes <n>',
      "cap each map's masked passes at N, or at P% of the exact count (the unmasked pass not counted); below the exact count the map is approximated (--budget-rule); PCAM strategies only",
    )
    .option('--budget-rule <id>', 'how --max-passes is spent below the exact count: groups (default) or top-variance');
}
