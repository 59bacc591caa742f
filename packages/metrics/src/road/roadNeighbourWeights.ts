/**
 * The weights of a removed pixel's eight neighbours in ROAD's linear imputation (Rong et al.,
 * 2022, as pytorch-grad-cam's `NoisyLinearImputer` sets them): 1/6 for each of the four direct
 * neighbours and 1/12 for each of the four diagonal ones, so that the eight sum to 1. Offsets
 * are `[row, column]`. The weights are symmetric (an offset and its opposite weigh the same),
 * which makes the imputation's system symmetric.
 *
 * @internal
 */
export const roadNeighbourWeights: readonly (readonly [row: number, column: number, weight: number])[] = [
  [-1, -1, 1 / 12],
  [-1, 0, 1 / 6],
  [-1, 1, 1 / 12],
  [0, -1, 1 / 6],
  [0, 1, 1 / 6],
  [1, -1, 1 / 12],
  [1, 0, 1 / 6],
  [1, 1, 1 / 12],
];
