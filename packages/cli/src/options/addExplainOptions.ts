import type { Command } from 'commander';

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
  return command
    .option('--method <name>', "pcam±, pcam+, pcam-, or any method 'polycam methods' lists (grad-cam, score-cam, rise, ...)", 'pcam±')
    .option('--class <n>', 'the class to explain, or one per image in order (3,5,...); default: the predicted class')
    .option('--target <kind:argument>', "what to explain instead of the predicted class, such as class:7 or segmentation:CLASS[:MASK.png] ('polycam targets' lists the kinds); file paths are relative to the working folder")
    .option('--classes <file.csv>', "each image's class or target: a CSV with the header image,class or image,target, images relative to its folder or by file name; every image needs a row")
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
