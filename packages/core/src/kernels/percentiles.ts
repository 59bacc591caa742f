/**
 * Percentiles with linear interpolation between the closest ranks, exactly as numpy's default
 * (`np.percentile(values, q)`, method `linear`): the value at fractional rank
 * `q / 100 · (n − 1)` of the sorted values.
 *
 * Ranks near either end, such as the 0.1th and 99.9th percentiles that masks and maps are
 * normalised with, are found by keeping only the few smallest and largest values in one pass
 * (`O(n log k)` for the k values kept) instead of sorting the whole sample; other ranks sort it.
 * Both give the very values that sorting gives.
 *
 * @param values - The sample; it is not modified. NaN values sort last, as in numpy.
 * @param quantiles - Percentages in [0, 100].
 * @returns One value per requested percentage, in the same order.
 * @throws RangeError when `values` is empty or a percentage is outside [0, 100].
 */
export function percentiles(values: Float32Array, quantiles: readonly number[]): number[] {
  if (values.length === 0) {
    throw new RangeError('percentiles of an empty sample are undefined');
  }
  const last = values.length - 1;
  const ranks = quantiles.map((quantile) => {
    if (!(quantile >= 0 && quantile <= 100)) {
      throw new RangeError(`percentile ${quantile} is outside [0, 100]`);
    }
    return (quantile / 100) * last;
  });
  const at = rankReader(values, ranks);
  return ranks.map((rank) => {
    const lowerRank = Math.floor(rank);
    const upperRank = Math.min(lowerRank + 1, last);
    const fraction = rank - lowerRank;
    const lower = at(lowerRank);
    const upper = at(upperRank);
    const difference = upper - lower;
    // numpy's _lerp: interpolate from the nearer end for numerical symmetry.
    return fraction >= 0.5 ? upper - difference * (1 - fraction) : lower + difference * fraction;
  });
}

/** The largest int32, the key of every NaN: NaN sorts after +Inf. */
const NAN_KEY = 0x7fffffff;

/**
 * Gives the value at any needed integer rank of the sorted sample. When every needed rank lies
 * among the k smallest or the k largest values, with k small next to n, only those are kept;
 * otherwise the sample is sorted.
 */
function rankReader(values: Float32Array, ranks: readonly number[]): (rank: number) => number {
  const count = values.length;
  const half = count / 2;
  let lowCount = 0; // the needed ranks below the middle are all < lowCount
  let highStart = count; // and those above it are all ≥ highStart
  for (const rank of ranks) {
    for (const needed of [Math.floor(rank), Math.min(Math.floor(rank) + 1, count - 1)]) {
      if (needed < half) lowCount = Math.max(lowCount, needed + 1);
      else highStart = Math.min(highStart, needed);
    }
  }
  if (lowCount + (count - highStart) > count / 8) {
    const sorted = values.slice().sort();
    return (rank) => sorted[rank]!;
  }
  const keys = sortKeys(values);
  const low = smallestKeys(keys, lowCount, 1);
  const high = smallestKeys(keys, count - highStart, -1);
  const fromKey = new Float32Array(1);
  const fromKeyBits = new Int32Array(fromKey.buffer);
  return (rank) => {
    // high holds the largest keys, largest first: rank count − 1 is high[0].
    const key = rank < lowCount ? low[rank]! : high[count - 1 - rank]!;
    fromKeyBits[0] = key === NAN_KEY ? NAN_KEY : key >= 0 ? key : key ^ 0x7fffffff;
    return fromKey[0]!;
  };
}

/**
 * Each value's int32 sort key, ordered as a Float32Array's default sort orders the values:
 * negative values before −0, −0 before +0, NaN last.
 */
function sortKeys(values: Float32Array): Int32Array {
  const keys = new Int32Array(values.length);
  keys.set(new Int32Array(values.buffer, values.byteOffset, values.length));
  for (let index = 0; index < keys.length; index += 1) {
    const bits = keys[index]!;
    // A negative float's bits, flipped below the sign, order as int32s; NaN bits are any
    // exponent of all ones with a non-zero fraction.
    keys[index] = (bits & 0x7fffffff) > 0x7f800000 ? NAN_KEY : bits >= 0 ? bits : bits ^ 0x7fffffff;
  }
  return keys;
}

/**
 * The k smallest keys in increasing order (`sign` 1), or the k largest in decreasing order
 * (`sign` −1), kept in a bounded binary heap: one pass over the keys, `O(n log k)`.
 */
function smallestKeys(keys: Int32Array, k: number, sign: 1 | -1): Int32Array {
  // The heap holds sign·key with the largest of them at the root, the first to be replaced.
  const heap = new Float64Array(k);
  let size = 0;
  const siftDown = (): void => {
    let parent = 0;
    for (;;) {
      const left = 2 * parent + 1;
      if (left >= size) return;
      const child = left + 1 < size && heap[left + 1]! > heap[left]! ? left + 1 : left;
      if (heap[child]! <= heap[parent]!) return;
      [heap[parent], heap[child]] = [heap[child]!, heap[parent]!];
      parent = child;
    }
  };
  for (let index = 0; index < keys.length && k > 0; index += 1) {
    const value = sign * keys[index]!;
    if (size < k) {
      let child = size;
      heap[size] = value;
      size += 1;
      while (child > 0) {
        const parent = (child - 1) >> 1;
        if (heap[parent]! >= heap[child]!) break;
        [heap[parent], heap[child]] = [heap[child]!, heap[parent]!];
        child = parent;
      }
    } else if (value < heap[0]!) {
      heap[0] = value;
      siftDown();
    }
  }
  return Int32Array.from(heap.sort(), (value) => sign * value);
}
