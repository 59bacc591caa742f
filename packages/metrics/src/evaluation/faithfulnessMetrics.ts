/**
 * The per-image faithfulness measures that {@link evaluateFaithfulness} computes, in their
 * documented order: the insertion and deletion curves (Petsiuk et al., as the Poly-CAM authors
 * run them) and Grad-CAM++'s average drop and increase in confidence.
 */
export const faithfulnessMetrics = ['insertion', 'deletion', 'drop-increase'] as const;
