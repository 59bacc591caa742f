/**
 * The per-image faithfulness measures that {@link evaluateFaithfulness} computes, in their
 * documented order: the insertion and deletion curves (Petsiuk et al., as the Poly-CAM authors
 * run them), Grad-CAM++'s average drop and increase in confidence, and ROAD ({@link road}:
 * MoRF, LeRF and combined, as pytorch-grad-cam computes them).
 */
export const faithfulnessMetrics = ['insertion', 'deletion', 'drop-increase', 'road'] as const;
