/**
 * ImageNet's per-channel mean and standard deviation (RGB), the defaults of torchvision and of
 * the Poly-CAM paper.
 */
export const imagenetStatistics = {
  /** The RGB means. */
  mean: [0.485, 0.456, 0.406],
  /** The RGB standard deviations. */
  std: [0.229, 0.224, 0.225],
} as const;
