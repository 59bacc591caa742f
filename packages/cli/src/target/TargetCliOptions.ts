/** The command-line options that say what each image is explained for. */
export interface TargetCliOptions {
  /** `--class N` or `--class N,M,...`: one class for every image, or one per image in order. */
  readonly class?: string;
  /** `--target KIND:ARGUMENT`: one target for every image. */
  readonly target?: string;
  /** `--classes FILE.csv`: each image's class or target, by image. */
  readonly classes?: string;
}
