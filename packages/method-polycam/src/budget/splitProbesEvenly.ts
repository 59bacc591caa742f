/**
 * Splits `probes` scored planes evenly across layers, as Faster Poly-CAM keeps the same number
 * of channels in every layer: each layer gets the same share, capped at what it needs for its
 * exact weights (its distinct non-zero masks), and what a capped layer cannot use goes to the
 * others; a last odd probe goes to the deeper layers first.
 *
 * @param needs - Each layer's distinct non-zero masks, in forward order.
 * @param probes - The planes the budget pays for.
 * @returns Each layer's share, in forward order; they sum to `min(probes, Σ needs)`.
 */
export function splitProbesEvenly(needs: readonly number[], probes: number): number[] {
  const shares = needs.map(() => 0);
  let left = Math.min(probes, needs.reduce((sum, need) => sum + need, 0));
  while (left > 0) {
    const open = needs.flatMap((need, layer) => (shares[layer]! < need ? [layer] : []));
    const each = Math.floor(left / open.length);
    if (each === 0) {
      for (const layer of open.reverse().slice(0, left)) shares[layer]! += 1;
      break;
    }
    for (const layer of open) {
      const given = Math.min(each, needs[layer]! - shares[layer]!);
      shares[layer]! += given;
      left -= given;
    }
  }
  return shares;
}
