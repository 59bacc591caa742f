/**
 * The percentiles ROAD averages over by default, pytorch-grad-cam's list for
 * `ROADMostRelevantFirstAverage`, `ROADLeastRelevantFirstAverage` and `ROADCombined`.
 */
export const roadPercentiles: readonly number[] = [10, 20, 30, 40, 50, 60, 70, 80, 90];
