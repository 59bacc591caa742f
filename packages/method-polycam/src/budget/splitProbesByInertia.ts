import type { WardMerge } from '../selection/WardMerge.js';

/**
 * Splits `probes` scored planes across layers by what merging costs each layer: every layer
 * starts with one probe per distinct mask, and the merges of all layers' Ward dendrograms are
 * taken in increasing order of their cost relative to the layer's total inertia (the cost of
 * merging the whole layer into one group), until only `probes` are left. A layer whose masks
 * are alike gives up many probes for little; one whose masks differ keeps them. The relative
 * cost is scale-free, as LNorm fusion is: each layer's CAM is normalised by its own local
 * mean, so only its relative error matters. Equal costs merge the deeper layer first.
 *
 * When the budget pays for fewer probes than there are layers, the shallowest layers get none.
 *
 * @param needs - Each layer's distinct non-zero masks, in forward order.
 * @param dendrograms - Each layer's merges down to one group (`wardMerges(…, 1)`), in forward order.
 * @param probes - The planes the budget pays for.
 * @returns Each layer's share, in forward order, at most its need; they sum to
 *   `min(probes, Σ needs)`.
 */
export function splitProbesByInertia(needs: readonly number[], dendrograms: readonly (readonly WardMerge[])[], probes: number): number[] {
  const shares = [...needs];
  const candidates: { layer: number; cost: number }[] = [];
  dendrograms.forEach((merges, layer) => {
    const inertia = merges.reduce((sum, merge) => sum + merge.cost, 0);
    for (const merge of merges) candidates.push({ layer, cost: inertia > 0 ? merge.cost / inertia : 0 });
  });
  candidates.sort((a, b) => a.cost - b.cost || b.layer - a.layer);
  const excess = shares.reduce((sum, share) => sum + share, 0) - probes;
  for (const { layer } of candidates.slice(0, Math.max(0, excess))) shares[layer]! -= 1;
  let over = shares.reduce((sum, share) => sum + share, 0) - Math.max(probes, 0);
  for (let layer = 0; layer < shares.length && over > 0; layer += 1) {
    const taken = Math.min(shares[layer]!, over);
    shares[layer]! -= taken;
    over -= taken;
  }
  return shares;
}
