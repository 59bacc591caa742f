import type { Command } from 'commander';

/**
 * Declares the options that say what each image is explained or scored for: `--class` (one for
 * every image, or one per image in order), `--target KIND:ARGUMENT` and `--classes FILE.csv`, for
 * `explain`, `dataset explain` and `evaluate`, which read them with `givenTargets`.
 *
 * @param command - The command to extend.
 * @param verb - What the command does for the target, in the help: `explain` or `score`.
 * @returns The same command.
 */
export function addTargetOptions(command: Command, verb: 'explain' | 'score'): Command {
  return command
    .option('--class <n>', `the class to ${verb}, or one per image in order (3,5,...); default: the predicted class`)
    .option(
      '--target <kind:argument>',
      `what to ${verb} instead of the predicted class, such as class:7 or segmentation:CLASS[:MASK.png] ('polycam targets' lists the kinds); file paths are relative to the working folder`,
    )
    .option('--classes <file.csv>', "each image's class or target: a CSV with the header image,class or image,target, images relative to its folder or by file name; every image needs a row");
}
