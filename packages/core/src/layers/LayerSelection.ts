/**
 * Which layers Poly-CAM fuses: `auto` for the automatic discovery that METHOD.md defines,
 * `last` for only the deepest layer that discovery picks (the usual single layer of CAM,
 * Grad-CAM and Score-CAM), or an explicit list of tensor names (node names are accepted too).
 * An explicit list always overrides discovery; it is put in forward order.
 */
export type LayerSelection = 'auto' | 'last' | readonly string[];
