/**
 * What the pixels that are not (yet, or any more) the image's hold in the insertion and deletion
 * curves, in the *normalised* input space:
 *
 * - `blur` (the default, the authors' protocol): torchvision's
 *   `gaussian_blur(kernel_size=[11, 11], sigma=[5, 5])` of the normalised image, per channel, with
 *   reflect padding (see `gaussianBlur` in `@polycam/core`). It needs an input of at least 6×6.
 * - `zero`: 0 everywhere, which is the dataset's mean colour after normalisation.
 * - `{ constant: v }`: `v` everywhere, in every channel (the authors' `grey` baseline is
 *   `{ constant: 0.5 }`).
 */
export type RelevanceBaseline =
  | 'blur'
  | 'zero'
  | {
      /** The value every removed pixel takes, in every channel of the normalised input. */
      readonly constant: number;
    };
